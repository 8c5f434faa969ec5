import type { HostStatus } from '@shared/contract';
import { groupState } from '../../lib/host-groups';

export interface HostGroupHeaderProps {
  label: string;
  statuses: Array<HostStatus | undefined>;
  collapsed: boolean;
  onToggle(): void;
}

const STATE_TEXT = { connected: 'all connected', connecting: 'connecting', error: 'a host is down' } as const;

/** A label's group of hosts: a collapsible header with a count and, collapsed, its worst state. */
export function HostGroupHeader({ label, statuses, collapsed, onToggle }: HostGroupHeaderProps) {
  const state = groupState(statuses);
  const up = statuses.filter((s) => s?.state === 'connected').length;
  return (
    <button
      type="button"
      className={`host-group-header${label === 'production' ? ' is-production' : ''}`}
      aria-expanded={!collapsed}
      title={`${label}: ${up} of ${statuses.length} connected`}
      onClick={onToggle}
    >
      <svg viewBox="0 0 10 10" width="9" height="9" aria-hidden="true" className="host-group-chevron">
        <path d="M3 2l4 3-4 3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <span className="host-group-label">{label}</span>
      <span className="host-group-count">{statuses.length}</span>
      {collapsed && (
        <span
          className={`status-dot status-${state} host-group-dot`}
          role="img"
          aria-label={STATE_TEXT[state]}
        />
      )}
    </button>
  );
}
