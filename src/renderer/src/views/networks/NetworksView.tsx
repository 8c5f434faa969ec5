import { useMemo, useState } from 'react';
import type { HostView, NetworkSummary } from '@shared/contract';
import { HostResourceList } from '../../components/HostResourceList';
import { EmptyState } from '../../components/ui/EmptyState';
import { actionsFor } from '../../actions/define';
import { NETWORK_ACTIONS } from '../../actions/network-actions';
import { useHostList, defineHostList } from '../../hooks/useHostList';
import { plural } from '../../lib/plural';
import { EMPTY_HOST_NETWORKS, useNetworksStore } from '../../stores/networks';
import { CreateNetworkDialog } from './CreateNetworkDialog';
import { filterNetworks } from './filter';
import { NetworkDetails } from './NetworkDetails';
import { NetworkTable } from './NetworkTable';
import { PruneNetworksDialog } from './PruneNetworksDialog';
import { RemoveNetworkDialog } from './RemoveNetworkDialog';

const TOOLBAR = actionsFor(NETWORK_ACTIONS, 'toolbar');
const NETWORK_LIST = defineHostList({
  store: useNetworksStore,
  empty: EMPTY_HOST_NETWORKS,
  title: 'Networks',
  searchPlaceholder: 'Name, driver, subnet or ID',
});

/** The networks of one host: search, create, remove, prune, and a network's details. */
export function NetworksView({ host }: { host: HostView }) {
  const list = useHostList(NETWORK_LIST, host);
  const { data, refetch, search } = list;
  const [open, setOpen] = useState<{ id: string; name: string }>();
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
    <HostResourceList
      list={list}
      count={plural(data.items.length, 'network')}
      commands={{
        actions: TOOLBAR,
        disabled: (id) => id === 'prune' && !data.fetchedAt,
        dialogs: {
          create: (base) => (
            <CreateNetworkDialog {...base} capabilities={data.capabilities} refetch={refetch} />
          ),
          prune: (base) => <PruneNetworksDialog {...base} networks={data.items} onPruned={refetch} />,
        },
      }}
      empty={
        rows.length === 0 && (
          <EmptyState
            title={`No networks match “${search.trim()}”`}
            actions={[{ label: 'Clear search', onClick: () => list.setSearch('') }]}
          />
        )
      }
      overlays={
        removing && (
          <RemoveNetworkDialog host={host} network={removing} onClose={() => setRemoving(undefined)} />
        )
      }
    >
      <NetworkTable rows={rows} onOpen={(n) => setOpen({ id: n.id, name: n.name })} onRemove={setRemoving} />
    </HostResourceList>
  );
}
