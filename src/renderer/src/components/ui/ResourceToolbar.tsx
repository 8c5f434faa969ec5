import type { ReactNode } from 'react';
import { RefreshButton } from './RefreshButton';
import { SearchBox } from './SearchBox';

interface ResourceToolbarProps {
  title: string;
  /** Controls between the title and the search box (a filter radio group). */
  filters?: ReactNode;
  search: { label: string; placeholder: string; value: string; onChange(value: string): void };
  /** "3 networks", read out when it changes. */
  count: ReactNode;
  loading: boolean;
  onRefresh(): void;
  /** The view's own actions, after Refresh. */
  children?: ReactNode;
}

/** The toolbar every per-host resource list has: title, filters, search, count, Refresh, actions. */
export function ResourceToolbar({
  title,
  filters,
  search,
  count,
  loading,
  onRefresh,
  children,
}: ResourceToolbarProps) {
  return (
    <div className="toolbar">
      <h2 className="toolbar-title">{title}</h2>
      {filters}
      <SearchBox {...search} />
      <span className="header-spacer" />
      <span className="toolbar-count" aria-live="polite">
        {count}
      </span>
      <RefreshButton loading={loading} onRefresh={onRefresh} />
      {children}
    </div>
  );
}
