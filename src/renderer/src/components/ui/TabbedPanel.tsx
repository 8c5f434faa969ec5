import type { ReactNode } from 'react';
import type { TabState } from '../../hooks/useTabState';
import { DetailTabs } from './DetailTabs';

export interface TabbedPanelProps<T extends string> {
  /** The tab list's accessible name ("Volume details"). */
  label: string;
  /** Ids are `${prefix}-tab-${id}` and `${prefix}-panel-${id}`. */
  prefix: string;
  /** The tabs and the current one (hooks/useTabState, or a store's). */
  state: TabState<T>;
  /** The tab list's class (DetailTabs' default, or `section-tabs`). */
  tabsClassName?: string;
  /** The panel's class. */
  className: string;
  /** The current tab's content. */
  children: ReactNode;
}

/**
 * Tabs and the one panel they control, wired as WAI-ARIA tabs. With a single tab there is
 * nothing to choose: no tab list, and the panel is a plain region.
 */
export function TabbedPanel<T extends string>(p: TabbedPanelProps<T>) {
  const { tabs, current, onSelect } = p.state;
  const tabbed = tabs.length > 1;
  return (
    <>
      {tabbed && (
        <DetailTabs
          label={p.label}
          prefix={p.prefix}
          tabs={tabs}
          current={current}
          onSelect={onSelect}
          className={p.tabsClassName}
        />
      )}
      <div
        className={p.className}
        role={tabbed ? 'tabpanel' : undefined}
        id={`${p.prefix}-panel-${current}`}
        aria-labelledby={tabbed ? `${p.prefix}-tab-${current}` : undefined}
      >
        {p.children}
      </div>
    </>
  );
}
