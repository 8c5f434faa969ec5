import { useRef, type KeyboardEvent } from 'react';

export interface TabDef<T extends string = string> {
  id: T;
  label: string;
}

export interface DetailTabsProps<T extends string> {
  label: string;
  prefix: string;
  tabs: ReadonlyArray<TabDef<T>>;
  current: T;
  onSelect(id: NoInfer<T>): void;
  /** The strip's look: a details pane's tabs, or the host's section tabs ("section-tabs"). */
  className?: string;
}

/** A WAI-ARIA tab list with arrow-key navigation; panels use `${prefix}-panel-${id}`. */
export function DetailTabs<T extends string>(props: DetailTabsProps<T>) {
  const { label, prefix, tabs, current, onSelect, className = 'details-tabs' } = props;
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKey = (e: KeyboardEvent, i: number) => {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const next = (i + delta + tabs.length) % tabs.length;
    const tab = tabs[next];
    if (tab) onSelect(tab.id);
    refs.current[next]?.focus();
  };
  return (
    <div className={className} role="tablist" aria-label={label}>
      {tabs.map((t, i) => (
        <button
          key={t.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`${prefix}-tab-${t.id}`}
          aria-selected={t.id === current}
          aria-controls={`${prefix}-panel-${t.id}`}
          tabIndex={t.id === current ? 0 : -1}
          className={`section-tab${t.id === current ? ' is-active' : ''}`}
          onClick={() => onSelect(t.id)}
          onKeyDown={(e) => onKey(e, i)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
