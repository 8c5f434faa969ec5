import type { HostView } from '@shared/contract';
import { RefreshButton } from '../../../components/ui/RefreshButton';
import { ContainerFilters, type ContainerFilterProps } from '../ContainerFilters';
import { plural } from '../../../lib/plural';
import { UpdatesControls } from '../../../components/fleet/UpdatesControls';
import { InlineSelect } from '../../../components/ui/InlineSelect';

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
  return (
    <div className="toolbar">
      <h1 className="toolbar-title">All containers</h1>
      <ContainerFilters {...props} />
      <InlineSelect
        label="Host"
        className="input all-host-select"
        value={props.hostFilter}
        options={[['', 'All hosts'], ...props.hosts.map((h) => [h.id, h.name] as const)]}
        onChange={props.onHostFilter}
      />
      <UpdatesControls hostIds={props.hostFilter ? [props.hostFilter] : undefined} />
      <span className="header-spacer" />
      <span className="toolbar-count" aria-live="polite" title={`${running} running, ${total} in total`}>
        {running} of {total} running on {plural(props.hostCount, 'host')}
      </span>
      <RefreshButton loading={loading} onRefresh={props.onRefresh} compact />
    </div>
  );
}
