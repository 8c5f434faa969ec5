import { useId } from 'react';
import type { ContainerFilter } from '../../stores/containers';
import { ActionIcon } from './ActionIcon';
import type { GuardProps } from '../../lib/policy';

export interface ContainerToolbarProps {
  filter: ContainerFilter;
  onFilter(f: ContainerFilter): void;
  search: string;
  onSearch(q: string): void;
  grouped: boolean;
  onGrouped(on: boolean): void;
  total: number;
  running: number;
  loading: boolean;
  onRefresh(): void;
  onRun(): void;
  onPrune(): void;
  /** The host's policy on Run and Prune (lib/policy guard()). */
  runGuard?: GuardProps;
  pruneGuard?: GuardProps;
}

const FILTERS: Array<{ value: ContainerFilter; label: string }> = [
  { value: 'running', label: 'Running' },
  { value: 'all', label: 'All' },
  { value: 'exited', label: 'Exited' },
];

/** Filter switch, search, grouping, counts, and the view's commands (Run, Prune, Refresh). */
export function ContainerToolbar(props: ContainerToolbarProps) {
  const { filter, onFilter, search, onSearch, total, running, loading } = props;
  const name = useId();
  const searchId = useId();
  const groupId = useId();
  return (
    <div className="toolbar">
      <h2 className="toolbar-title">Containers</h2>
      <div className="segmented" role="radiogroup" aria-label="Show">
        {FILTERS.map(({ value, label }) => (
          <label key={value} className={`segment${filter === value ? ' is-checked' : ''}`}>
            <input
              type="radio"
              name={name}
              value={value}
              checked={filter === value}
              onChange={() => onFilter(value)}
            />
            <span>{label}</span>
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
          placeholder="Name, image, ID, label"
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
      <div className="checkbox-row toolbar-check">
        <input
          id={groupId}
          type="checkbox"
          checked={props.grouped}
          onChange={(e) => props.onGrouped(e.target.checked)}
        />
        <label htmlFor={groupId}>Group by project</label>
      </div>
      <span className="header-spacer" />
      <span className="toolbar-count" aria-live="polite" title={`${running} running, ${total} in total`}>
        {running} of {total} running
      </span>
      <button
        type="button"
        className="icon-button toolbar-icon"
        onClick={props.onRefresh}
        disabled={loading}
        aria-busy={loading || undefined}
        aria-label="Refresh"
        title="Refresh"
      >
        {loading ? <span className="spinner" aria-hidden="true" /> : <ActionIcon action="restart" />}
      </button>
      <button type="button" className="button" onClick={props.onPrune} {...props.pruneGuard}>
        <ActionIcon action="prune" />
        Prune…
      </button>
      <button type="button" className="button button-primary" onClick={props.onRun} {...props.runGuard}>
        <ActionIcon action="run" />
        Run container
      </button>
    </div>
  );
}
