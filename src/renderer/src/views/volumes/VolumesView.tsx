import { useMemo, useState } from 'react';
import type { HostView, VolumeSummary } from '@shared/contract';
import { PruneDialog } from '../../components/prune/PruneKindDialog';
import { HostResourceList } from '../../components/HostResourceList';
import { EmptyState } from '../../components/ui/EmptyState';
import { Segmented } from '../../components/ui/Segmented';
import { actionsFor } from '../../actions/define';
import { VOLUME_ACTIONS, type VolumeActionId } from '../../actions/volume-actions';
import { useHostList, defineHostList } from '../../hooks/useHostList';
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
const VOLUMES_HINT = 'Volumes keep container data across restarts and re-creation.';
const VOLUME_LIST = defineHostList({
  store: useVolumesStore,
  empty: EMPTY_HOST_VOLUMES,
  title: 'Volumes',
  loadingText: 'Loading volumes and their sizes…',
  searchPlaceholder: 'Name, label or container',
});

/** The volumes of one host: sizes and users, search, unused filter, create/remove/prune, browse. */
export function VolumesView({ host }: { host: HostView }) {
  const hostId = host.id;
  const list = useHostList(VOLUME_LIST, host);
  const { data, refetch, search } = list;
  const filter = useVolumesStore((s) => s.filter);
  const setFilter = useVolumesStore((s) => s.setFilter);
  const [open, setOpen] = useState<{ name: string; tab: 'files' | 'inspect' }>();
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
  const empty =
    data.items.length === 0 ? (
      <EmptyState title={`No volumes on ${host.name}`} hint={VOLUMES_HINT} />
    ) : (
      rows.length === 0 && (
        <EmptyState
          title={query ? `No volumes match “${query}”` : `No unused volumes on ${host.name}`}
          actions={[
            !!query && { label: 'Clear search', onClick: () => list.setSearch('') },
            filter === 'unused' && { label: 'Show all volumes', onClick: () => setFilter('all') },
          ]}
        />
      )
    );

  return (
    <HostResourceList
      list={list}
      filters={<Segmented label="Show" options={SHOW} value={filter} onChange={setFilter} />}
      count={
        <>
          {plural(data.items.length, 'volume')} · {unused} unused ·{' '}
          {formatBytes(data.items.reduce((s, v) => s + (v.size ?? 0), 0))}
        </>
      }
      commands={{
        actions: TOOLBAR,
        dialogs: {
          create: (base) => <CreateVolumeDialog {...base} refetch={refetch} />,
          prune: (base) => <PruneDialog {...base} kind="volumes" onPruned={refetch} />,
        },
      }}
      empty={empty}
      overlays={
        removing && (
          <RemoveVolumeDialog host={host} volume={removing} onClose={() => setRemoving(undefined)} />
        )
      }
    >
      <VolumeTable rows={rows} onOpen={(v) => setOpen({ name: v.name, tab: 'files' })} onAction={onAction} />
    </HostResourceList>
  );
}
