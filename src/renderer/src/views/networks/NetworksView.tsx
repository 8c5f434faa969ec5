import { useMemo, useState } from 'react';
import type { HostView, NetworkSummary } from '@shared/contract';
import { ResourceListView } from '../../components/ResourceListView';
import { EmptyState } from '../../components/ui/EmptyState';
import { ToolbarActions } from '../../components/ui/ToolbarActions';
import { ResourceToolbar } from '../../components/ui/ResourceToolbar';
import { actionsFor } from '../../actions/define';
import { NETWORK_ACTIONS } from '../../actions/network-actions';
import { useHostResource } from '../../hooks/useHostResource';
import { usePolicy } from '../../hooks/usePolicy';
import { plural } from '../../lib/plural';
import { EMPTY_HOST_NETWORKS, useNetworksStore } from '../../stores/networks';
import { CreateNetworkDialog } from './CreateNetworkDialog';
import { filterNetworks } from './filter';
import { NetworkDetails } from './NetworkDetails';
import { NetworkTable } from './NetworkTable';
import { PruneNetworksDialog } from './PruneNetworksDialog';
import { RemoveNetworkDialog } from './RemoveNetworkDialog';

const TOOLBAR = actionsFor(NETWORK_ACTIONS, 'toolbar');

/** The networks of one host: search, create, remove, prune, and a network's details. */
export function NetworksView({ host }: { host: HostView }) {
  const hostId = host.id;
  const can = usePolicy(hostId);
  const { data, refetch } = useHostResource(useNetworksStore, hostId, EMPTY_HOST_NETWORKS);
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<{ id: string; name: string }>();
  const [creating, setCreating] = useState(false);
  const [pruning, setPruning] = useState(false);
  const [removing, setRemoving] = useState<NetworkSummary>();

  const rows = useMemo(() => filterNetworks(data.items, search), [data.items, search]);

  if (open) {
    return (
      <NetworkDetails
        host={host}
        networkId={open.id}
        networkName={open.name}
        onBack={() => setOpen(undefined)}
        onChanged={refetch}
      />
    );
  }

  return (
    <ResourceListView
      label={`Networks on ${host.name}`}
      load={{
        ...data,
        noun: 'networks',
        loadingText: 'Loading networks…',
        onRetry: refetch,
      }}
      toolbar={
        <ResourceToolbar
          title="Networks"
          search={{
            label: 'Search networks',
            placeholder: 'Name, driver, subnet or ID',
            value: search,
            onChange: setSearch,
          }}
          count={plural(data.items.length, 'network')}
          loading={data.loading}
          onRefresh={refetch}
        >
          <ToolbarActions
            actions={TOOLBAR}
            allowed={can.allowed}
            onAction={(id) => (id === 'prune' ? setPruning(true) : setCreating(true))}
            disabled={(id) => id === 'prune' && !data.fetchedAt}
          />
        </ResourceToolbar>
      }
      empty={
        rows.length === 0 && (
          <EmptyState
            title={`No networks match “${search.trim()}”`}
            actions={[{ label: 'Clear search', onClick: () => setSearch('') }]}
          />
        )
      }
      overlays={
        <>
          {creating && (
            <CreateNetworkDialog
              hostId={hostId}
              hostName={host.name}
              capabilities={data.capabilities}
              onClose={() => setCreating(false)}
              refetch={refetch}
            />
          )}
          {pruning && (
            <PruneNetworksDialog
              hostId={hostId}
              hostName={host.name}
              networks={data.items}
              onClose={() => setPruning(false)}
              onPruned={refetch}
            />
          )}
          {removing && (
            <RemoveNetworkDialog host={host} network={removing} onClose={() => setRemoving(undefined)} />
          )}
        </>
      }
    >
      <NetworkTable
        rows={rows}
        onOpen={(n) => setOpen({ id: n.id, name: n.name })}
        onRemove={(n) => {
          setRemoving(n);
        }}
      />
    </ResourceListView>
  );
}
