import { useId } from 'react';
import type { HostView } from '@shared/contract';
import { RefreshButton } from '../../../components/ui/RefreshIconButton';
import { ContainerFilters, type ContainerFilterProps } from '../ContainerFilters';
import { plural } from '../../../lib/plural';
import { UpdatesControls } from '../../../components/fleet/UpdatesControls';

export interface AllContainersToolbarProps extends ContainerFilterProps {
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

/** The per-host list's filter and search, plus a host picker and the totals over all hosts. */
export function AllContainersToolbar(props: AllContainersToolbarProps) {
  const { total, running, loading } = props;
  const hostId = useId();
  return (
    <div className="toolbar">
      <h1 className="toolbar-title">All containers</h1>
      <ContainerFilters {...props} />
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
      <UpdatesControls hostIds={props.hostFilter ? [props.hostFilter] : undefined} />
      <span className="header-spacer" />
      <span className="toolbar-count" aria-live="polite" title={`${running} running, ${total} in total`}>
        {running} of {total} running on {plural(props.hostCount, 'host')}
      </span>
      <RefreshButton loading={loading} onRefresh={props.onRefresh} />
    </div>
  );
}
