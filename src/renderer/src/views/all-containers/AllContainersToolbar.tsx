import { useId } from 'react';
import type { HostView } from '@shared/contract';
import type { ContainerFilter } from '../../stores/containers';
import { ActionIcon } from '../containers/ActionIcon';

export interface AllContainersToolbarProps {
  filter: ContainerFilter;
  onFilter(f: ContainerFilter): void;
  search: string;
  onSearch(q: string): void;
  hosts: HostView[];
  /** A host id, or '' for every host. */
  hostFilter: string;
  onHostFilter(id: string): void;
  total: number;
  running: number;
  hostCount: number;
  loading: boolean;
  onRefresh(): void;
}

const FILTERS: Array<{ value: ContainerFilter; label: string }> = [
  { value: 'running', label: 'Running' },
  { value: 'all', label: 'All' },
  { value: 'exited', label: 'Exited' },
];

/** The per-host list's filter and search, plus a host picker and the totals over all hosts. */
export function AllContainersToolbar(props: AllContainersToolbarProps) {
  const { filter, onFilter, search, onSearch, total, running, loading } = props;
  const name = useId();
  const searchId = useId();
  const hostId = useId();
  return (
    <div className="toolbar">
      <h1 className="toolbar-title">All containers</h1>
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
      <label htmlFor={hostId} className="visually-hidden">
        Host
      </label>
      <select
        id={hostId}
        className="input all-host-select"
        value={props.hostFilter}
        onChange={(e) => props.onHostFilter(e.target.value)}
      >
        <option value="">All hosts</option>
        {props.hosts.map((h) => (
          <option key={h.id} value={h.id}>
            {h.name}
          </option>
        ))}
      </select>
      <span className="header-spacer" />
      <span className="toolbar-count" aria-live="polite" title={`${running} running, ${total} in total`}>
        {running} of {total} running on {props.hostCount} {props.hostCount === 1 ? 'host' : 'hosts'}
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
    </div>
  );
}
