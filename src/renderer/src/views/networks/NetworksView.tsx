import { ResourceToolbar } from '../../components/ui/ResourceToolbar';
import { useEffect, useMemo, useState } from 'react';
import type { AppErrorShape, HostView, NetworkSummary } from '@shared/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { toErrorShape } from '../../lib/errors';
import { guard } from '../../lib/policy';
import { usePolicy } from '../../hooks/usePolicy';
import { api } from '../../rpc/api';
import { EMPTY_HOST_NETWORKS, useNetworksStore } from '../../stores/networks';
import { useUiStore } from '../../stores/ui';
import { CreateNetworkDialog } from './CreateNetworkDialog';
import { filterNetworks } from './filter';
import { PlusIcon } from '../../components/ui/Icons';
import { NetworkDetails } from './NetworkDetails';
import { NetworkTable } from './NetworkTable';
import { PruneNetworksDialog } from './PruneNetworksDialog';
import { plural } from '../../lib/plural';

/** The networks of one host: search, create, remove, prune, and a network's details. */
export function NetworksView({ host }: { host: HostView }) {
  const hostId = host.id;
  const can = usePolicy(hostId);
  const data = useNetworksStore((s) => s.byHost[hostId]) ?? EMPTY_HOST_NETWORKS;
  const fetch = useNetworksStore((s) => s.fetch);
  const toast = useUiStore((s) => s.toast);
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<{ id: string; name: string }>();
  const [creating, setCreating] = useState(false);
  const [pruning, setPruning] = useState(false);
  const [removing, setRemoving] = useState<NetworkSummary>();
  const [removeBusy, setRemoveBusy] = useState(false);
  const [removeError, setRemoveError] = useState<AppErrorShape>();

  useEffect(() => {
    void fetch(hostId);
  }, [hostId, fetch]);

  const rows = useMemo(() => filterNetworks(data.items, search), [data.items, search]);

  if (open) {
    return (
      <NetworkDetails
        host={host}
        networkId={open.id}
        networkName={open.name}
        onBack={() => setOpen(undefined)}
        onChanged={() => void fetch(hostId)}
      />
    );
  }

  const remove = async (n: NetworkSummary) => {
    setRemoveBusy(true);
    setRemoveError(undefined);
    try {
      await api.networks.remove({ hostId, id: n.id });
      setRemoving(undefined);
      toast(`Removed network ${n.name}.`);
      void fetch(hostId);
    } catch (e) {
      setRemoveError(toErrorShape(e));
    } finally {
      setRemoveBusy(false);
    }
  };

  let body: React.ReactNode;
  if (data.fetchedAt === undefined && data.error) body = null;
  else if (data.fetchedAt === undefined) {
    body = (
      <div className="empty-state" role="status">
        <span className="spinner spinner-large" aria-hidden="true" />
        <p>Loading networks…</p>
      </div>
    );
  } else if (rows.length === 0) {
    body = (
      <div className="empty-state">
        <p className="empty-title">No networks match “{search.trim()}”</p>
        <button type="button" className="button" onClick={() => setSearch('')}>
          Clear search
        </button>
      </div>
    );
  } else {
    body = (
      <NetworkTable
        rows={rows}
        onOpen={(n) => setOpen({ id: n.id, name: n.name })}
        onRemove={(n) => {
          setRemoveError(undefined);
          setRemoving(n);
        }}
      />
    );
  }

  return (
    <section className="resource-view" aria-label={`Networks on ${host.name}`}>
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
        onRefresh={() => void fetch(hostId)}
      >
        <button
          type="button"
          className="button"
          onClick={() => setPruning(true)}
          disabled={!data.fetchedAt}
          {...guard(can.allowed('networks.prune'))}
        >
          Prune unused…
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => setCreating(true)}
          {...guard(can.allowed('networks.create'))}
        >
          <PlusIcon /> Create network
        </button>
      </ResourceToolbar>
      {data.error && (
        <div className="banners">
          <ErrorBanner
            error={data.error}
            title="Couldn't load networks"
            actions={
              <button type="button" className="button button-small" onClick={() => void fetch(hostId)}>
                Try again
              </button>
            }
          />
        </div>
      )}
      {body}
      {creating && (
        <CreateNetworkDialog
          hostId={hostId}
          hostName={host.name}
          capabilities={data.capabilities}
          onClose={() => setCreating(false)}
          onCreated={(name) => {
            setCreating(false);
            toast(`Created network ${name}.`);
            void fetch(hostId);
          }}
        />
      )}
      {pruning && (
        <PruneNetworksDialog
          hostId={hostId}
          hostName={host.name}
          networks={data.items}
          onClose={() => setPruning(false)}
          onPruned={() => void fetch(hostId)}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={`Remove network ${removing.name}?`}
          confirmLabel="Remove"
          danger
          busy={removeBusy}
          busyLabel="Removing…"
          error={removeError}
          onCancel={() => setRemoving(undefined)}
          onConfirm={() => void remove(removing)}
        >
          <p>
            The network {removing.name} is deleted from {host.name}.
            {removing.containerCount > 0 &&
              ` ${removing.containerCount} container${removing.containerCount === 1 ? ' is' : 's are'} still attached.`}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
