import { useId } from 'react';
import type { ContainerFilter } from '../../stores/ui';

export interface ContainerToolbarProps {
  filter: ContainerFilter;
  onFilter(f: ContainerFilter): void;
  search: string;
  onSearch(q: string): void;
  total: number;
  running: number;
  loading: boolean;
  onRefresh(): void;
}

/** Running/All switch, search box, counts and Refresh. */
export function ContainerToolbar({
  filter,
  onFilter,
  search,
  onSearch,
  total,
  running,
  loading,
  onRefresh,
}: ContainerToolbarProps) {
  const name = useId();
  const searchId = useId();
  return (
    <div className="toolbar">
      <h2 className="toolbar-title">Containers</h2>
      <div className="segmented" role="radiogroup" aria-label="Show">
        {(['running', 'all'] as const).map((value) => (
          <label key={value} className={`segment${filter === value ? ' is-checked' : ''}`}>
            <input
              type="radio"
              name={name}
              value={value}
              checked={filter === value}
              onChange={() => onFilter(value)}
            />
            <span>{value === 'running' ? 'Running' : 'All'}</span>
          </label>
        ))}
      </div>
      <div className="search">
        <label htmlFor={searchId} className="visually-hidden">
          Search containers
        </label>
        <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" className="search-icon">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        <input
          id={searchId}
          type="search"
          className="input search-input"
          placeholder="Name, image or ID"
          value={search}
          onChange={(e) => onSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && search) {
              e.preventDefault();
              onSearch('');
            }
          }}
        />
      </div>
      <span className="header-spacer" />
      <span className="toolbar-count" aria-live="polite">
        {running} running · {total} total
      </span>
      <button
        type="button"
        className="button"
        onClick={onRefresh}
        disabled={loading}
        aria-busy={loading || undefined}
      >
        {loading ? (
          <span className="spinner" aria-hidden="true" />
        ) : (
          <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
            <path
              d="M12.8 8A4.8 4.8 0 1 1 11.4 4.6M12.2 2.2v3h-3"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
        )}
        Refresh
      </button>
    </div>
  );
}
