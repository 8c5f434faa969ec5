import { useMemo, useState } from 'react';
import type { HostView, VolumeSummary } from '@shared/contract';
import { PruneDialog } from '../../components/prune/PruneKindDialog';
import { ResourceListView } from '../../components/ResourceListView';
import { EmptyState } from '../../components/ui/EmptyState';
import { Segmented } from '../../components/ui/Segmented';
import { ToolbarActions } from '../../components/ui/ToolbarActions';
import { ResourceToolbar } from '../../components/ui/ResourceToolbar';
import { actionsFor } from '../../actions/define';
import { VOLUME_ACTIONS, type VolumeActionId } from '../../actions/volume-actions';
import { useHostResource } from '../../hooks/useHostResource';
import { usePolicy } from '../../hooks/usePolicy';
import { formatBytes } from '../../lib/format';
import { plural } from '../../lib/plural';
import { useMobilityStore } from '../../stores/mobility';
import { EMPTY_HOST_VOLUMES, useVolumesStore, type VolumeFilter } from '../../stores/volumes';
import { CreateVolumeDialog } from './CreateVolumeDialog';
import { filterVolumes, isUnused } from './filter';
import { VolumeDetails } from './VolumeDetails';
import { VolumeTable } from './VolumeTable';
import { RemoveVolumeDialog } from './RemoveVolumeDialog';

const TOOLBAR = actionsFor(VOLUME_ACTIONS, 'toolbar');
const SHOW: Array<{ value: VolumeFilter; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'unused', label: 'Unused' },
];

/** The volumes of one host: sizes and users, search, unused filter, create/remove/prune, browse. */
export function VolumesView({ host }: { host: HostView }) {
  const hostId = host.id;
  const can = usePolicy(hostId);
  const { data, refetch } = useHostResource(useVolumesStore, hostId, EMPTY_HOST_VOLUMES);
  const filter = useVolumesStore((s) => s.filter);
  const setFilter = useVolumesStore((s) => s.setFilter);
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<{ name: string; tab: 'files' | 'inspect' }>();
  const [creating, setCreating] = useState(false);
  const [pruning, setPruning] = useState(false);
  const [removing, setRemoving] = useState<VolumeSummary>();

  const rows = useMemo(() => filterVolumes(data.items, filter, search), [data.items, filter, search]);
  const unused = useMemo(() => data.items.filter(isUnused).length, [data.items]);
  const opened = open && data.items.find((v) => v.name === open.name);

  if (open && opened) {
    return (
      <VolumeDetails host={host} volume={opened} initialTab={open.tab} onBack={() => setOpen(undefined)} />
    );
  }

  const onAction = (id: VolumeActionId, v: VolumeSummary) => {
    if (id === 'remove') {
      setRemoving(v);
    } else if (id === 'volume-copy' || id === 'volume-backup' || id === 'volume-restore') {
      useMobilityStore.getState().open({ kind: id, hostId, volume: v.name });
    } else setOpen({ name: v.name, tab: 'files' });
  };

  const query = search.trim();
  let empty: React.ReactNode;
  if (data.items.length === 0) {
    empty = (
      <EmptyState
        title={`No volumes on ${host.name}`}
        hint="Volumes keep container data across restarts and re-creation."
      />
    );
  } else if (rows.length === 0) {
    empty = (
      <EmptyState
        title={query ? `No volumes match “${query}”` : `No unused volumes on ${host.name}`}
        actions={[
          !!query && { label: 'Clear search', onClick: () => setSearch('') },
          filter === 'unused' && { label: 'Show all volumes', onClick: () => setFilter('all') },
        ]}
      />
    );
  }

  return (
    <ResourceListView
      label={`Volumes on ${host.name}`}
      load={{
        ...data,
        noun: 'volumes',
        loadingText: 'Loading volumes and their sizes…',
        onRetry: refetch,
      }}
      toolbar={
        <ResourceToolbar
          title="Volumes"
          filters={<Segmented label="Show" options={SHOW} value={filter} onChange={setFilter} />}
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
          onRefresh={refetch}
        >
          <ToolbarActions
            actions={TOOLBAR}
            allowed={can.allowed}
            onAction={(id) => (id === 'prune' ? setPruning(true) : setCreating(true))}
          />
        </ResourceToolbar>
      }
      empty={empty}
      overlays={
        <>
          {creating && (
            <CreateVolumeDialog
              hostId={hostId}
              hostName={host.name}
              onClose={() => setCreating(false)}
              refetch={refetch}
            />
          )}
          {pruning && (
            <PruneDialog
              hostId={hostId}
              hostName={host.name}
              kind="volumes"
              onClose={() => setPruning(false)}
              onPruned={refetch}
            />
          )}
          {removing && (
            <RemoveVolumeDialog host={host} volume={removing} onClose={() => setRemoving(undefined)} />
          )}
        </>
      }
    >
      <VolumeTable rows={rows} onOpen={(v) => setOpen({ name: v.name, tab: 'files' })} onAction={onAction} />
    </ResourceListView>
  );
}
