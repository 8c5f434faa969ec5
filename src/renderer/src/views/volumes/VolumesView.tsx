import { ResourceToolbar } from '../../components/ui/ResourceToolbar';
import { useEffect, useId, useMemo, useState } from 'react';
import type { AppErrorShape, HostView, VolumeSummary } from '@shared/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { toErrorShape } from '../../lib/errors';
import { guard } from '../../lib/policy';
import { usePolicy } from '../../hooks/usePolicy';
import { formatBytes } from '../../lib/format';
import { api } from '../../rpc/api';
import { useUiStore } from '../../stores/ui';
import { EMPTY_HOST_VOLUMES, useVolumesStore, type VolumeFilter } from '../../stores/volumes';
import { PruneDialog } from '../../components/prune/PruneKindDialog';
import { PlusIcon } from '../../components/ui/Icons';
import { CreateVolumeDialog } from './CreateVolumeDialog';
import { filterVolumes, isUnused } from './filter';
import { VolumeDetails } from './VolumeDetails';
import { VolumeTable } from './VolumeTable';
import { useMobilityStore } from '../../stores/mobility';
import { plural } from '../../lib/plural';

/** The volumes of one host: sizes and users, search, unused filter, create/remove/prune, browse. */
export function VolumesView({ host }: { host: HostView }) {
  const hostId = host.id;
  const can = usePolicy(hostId);
  const data = useVolumesStore((s) => s.byHost[hostId]) ?? EMPTY_HOST_VOLUMES;
  const fetch = useVolumesStore((s) => s.fetch);
  const filter = useVolumesStore((s) => s.filter);
  const setFilter = useVolumesStore((s) => s.setFilter);
  const toast = useUiStore((s) => s.toast);
  const radioName = useId();
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<{ name: string; tab: 'files' | 'inspect' }>();
  const [creating, setCreating] = useState(false);
  const [pruning, setPruning] = useState(false);
  const [removing, setRemoving] = useState<VolumeSummary>();
  const [removeBusy, setRemoveBusy] = useState(false);
  const [removeError, setRemoveError] = useState<AppErrorShape>();

  useEffect(() => {
    void fetch(hostId);
  }, [hostId, fetch]);

  const rows = useMemo(() => filterVolumes(data.items, filter, search), [data.items, filter, search]);
  const unused = useMemo(() => data.items.filter(isUnused).length, [data.items]);
  const opened = open && data.items.find((v) => v.name === open.name);

  if (open && opened) {
    return (
      <VolumeDetails host={host} volume={opened} initialTab={open.tab} onBack={() => setOpen(undefined)} />
    );
  }

  const remove = async (v: VolumeSummary) => {
    setRemoveBusy(true);
    setRemoveError(undefined);
    try {
      await api.volumes.remove({ hostId, name: v.name });
      setRemoving(undefined);
      toast(`Removed volume ${v.name}.`);
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
        <p>Loading volumes and their sizes…</p>
      </div>
    );
  } else if (data.items.length === 0) {
    body = (
      <div className="empty-state">
        <p className="empty-title">No volumes on {host.name}</p>
        <p className="muted">Volumes keep container data across restarts and re-creation.</p>
      </div>
    );
  } else if (rows.length === 0) {
    body = (
      <div className="empty-state">
        <p className="empty-title">
          {search.trim() ? `No volumes match “${search.trim()}”` : `No unused volumes on ${host.name}`}
        </p>
        <div className="empty-actions">
          {search.trim() && (
            <button type="button" className="button" onClick={() => setSearch('')}>
              Clear search
            </button>
          )}
          {filter === 'unused' && (
            <button type="button" className="button" onClick={() => setFilter('all')}>
              Show all volumes
            </button>
          )}
        </div>
      </div>
    );
  } else {
    body = (
      <VolumeTable
        rows={rows}
        onOpen={(v) => setOpen({ name: v.name, tab: 'files' })}
        onBrowse={(v) => setOpen({ name: v.name, tab: 'files' })}
        onRemove={(v) => {
          setRemoveError(undefined);
          setRemoving(v);
        }}
        onMove={(kind, v) => useMobilityStore.getState().open({ kind, hostId: host.id, volume: v.name })}
      />
    );
  }

  return (
    <section className="resource-view" aria-label={`Volumes on ${host.name}`}>
      <ResourceToolbar
        title="Volumes"
        filters={
          <div className="segmented" role="radiogroup" aria-label="Show">
            {(['all', 'unused'] as VolumeFilter[]).map((value) => (
              <label key={value} className={`segment${filter === value ? ' is-checked' : ''}`}>
                <input
                  type="radio"
                  name={radioName}
                  value={value}
                  checked={filter === value}
                  onChange={() => setFilter(value)}
                />
                <span>{value === 'all' ? 'All' : 'Unused'}</span>
              </label>
            ))}
          </div>
        }
        search={{
          label: 'Search volumes',
          placeholder: 'Name, label or container',
          value: search,
          onChange: setSearch,
        }}
        count={
          <>
            {plural(data.items.length, 'volume')} · {unused} unused ·{' '}
            {formatBytes(data.items.reduce((s, v) => s + (v.size ?? 0), 0))}
          </>
        }
        loading={data.loading}
        onRefresh={() => void fetch(hostId)}
      >
        <button
          type="button"
          className="button"
          onClick={() => setPruning(true)}
          {...guard(can.allowed('volumes.prune'))}
        >
          Prune unused…
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => setCreating(true)}
          {...guard(can.allowed('volumes.create'))}
        >
          <PlusIcon /> Create volume
        </button>
      </ResourceToolbar>
      {data.error && (
        <div className="banners">
          <ErrorBanner
            error={data.error}
            title="Couldn't load volumes"
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
        <CreateVolumeDialog
          hostId={hostId}
          hostName={host.name}
          onClose={() => setCreating(false)}
          onCreated={(name) => {
            setCreating(false);
            toast(`Created volume ${name}.`);
            void fetch(hostId);
          }}
        />
      )}
      {pruning && (
        <PruneDialog
          hostId={hostId}
          hostName={host.name}
          kind="volumes"
          onClose={() => setPruning(false)}
          onPruned={() => void fetch(hostId)}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={`Remove volume ${removing.name}?`}
          confirmLabel="Remove"
          danger
          busy={removeBusy}
          busyLabel="Removing…"
          error={removeError}
          onCancel={() => setRemoving(undefined)}
          onConfirm={() => void remove(removing)}
        >
          <p>
            Its data{removing.size !== null ? ` (${formatBytes(removing.size)})` : ''} is deleted from{' '}
            {host.name} and cannot be recovered.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
