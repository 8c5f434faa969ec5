import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ContainerBulkAction, ContainerSummary, HostView } from '@shared/contract';
import { ResourceListView } from '../../components/ResourceListView';
import { EmptyState } from '../../components/ui/EmptyState';
import { guard } from '../../lib/policy';
import { usePolicy } from '../../hooks/usePolicy';
import {
  EMPTY_HOST_CONTAINERS,
  EMPTY_SELECTION,
  groupKey,
  useContainersStore,
} from '../../stores/containers';
import { useDetailsStore } from '../../stores/details';
import { BulkBar } from './BulkBar';
import { BulkResults } from './BulkResults';
import { ContainerTable } from './ContainerTable';
import { ContainerToolbar } from './ContainerToolbar';
import { ContainerDetails } from './details/ContainerDetails';
import { BulkConfirmDialog } from './dialogs/BulkConfirmDialog';
import { PruneDialog } from './dialogs/PruneDialog';
import {
  buildTableItems,
  filterContainers,
  isLive,
  sortContainers,
  type GroupItem,
  type SortKey,
} from '../../lib/container-filter';
import { RunContainerDialog } from './run/RunContainerDialog';
import { useContainerActions } from './useContainerActions';
import { actionErrorBanners, ContainerMenu, FilteredOutState, selectedScope } from './ContainerListParts';
import { hasUpdate, updateKey, useUpdatesStore } from '../../stores/updates';
import { UpdateSelectedButton } from '../../components/fleet/UpdateSelectedButton';
import { useContainerList } from './useContainerList';

export interface ContainersViewProps {
  host: HostView;
  connected: boolean;
}

/** The containers of one host: toolbar, selection, results, the table, and the details view. */
export function ContainersView({ host, connected }: ContainersViewProps) {
  const details = useDetailsStore((s) => (s.target?.hostId === host.id ? s.target : undefined));
  const openDetails = useDetailsStore((s) => s.open);
  const hostId = host.id;
  const can = usePolicy(hostId);
  const data = useContainersStore((s) => s.byHost[hostId]) ?? EMPTY_HOST_CONTAINERS;
  const busy = useContainersStore((s) => s.busy);
  const allActionErrors = useContainersStore((s) => s.actionErrors);
  const fetch = useContainersStore((s) => s.fetch);
  const { filters, sort, onSort, menu, onMenu, closeMenu, now } = useContainerList<SortKey>('name');
  const { filter, search } = filters;
  const grouped = useContainersStore((s) => s.grouped);
  const setGrouped = useContainersStore((s) => s.setGrouped);
  const collapsed = useContainersStore((s) => s.collapsed);
  const toggleCollapsed = useContainersStore((s) => s.toggleCollapsed);
  const selected = useContainersStore((s) => s.selected[hostId]) ?? EMPTY_SELECTION;
  const setSelected = useContainersStore((s) => s.setSelected);
  const bulkBusy = useContainersStore((s) => s.bulkBusy[hostId]);
  const bulkOutcome = useContainersStore((s) => s.bulkResults[hostId]);
  const runDialog = useContainersStore((s) => (s.runDialog?.hostId === hostId ? s.runDialog : undefined));
  const [bulkAsk, setBulkAsk] = useState<{ action: 'kill' | 'remove'; targets: ContainerSummary[] }>();
  const [pruning, setPruning] = useState(false);
  const { request, dialogs } = useContainerActions(host);

  // Load on selection and on (re)connection; engine events keep it fresh from then on (no polling).
  useEffect(() => {
    if (!connected) return;
    void fetch(hostId);
  }, [hostId, connected, fetch]);

  const onlyUpdates = useUpdatesStore((s) => s.onlyUpdates);
  const updates = useUpdatesStore((s) => s.byContainer);
  const visible = useMemo(() => {
    const shown = filterContainers(data.items, filter, search);
    const kept = onlyUpdates ? shown.filter((c) => hasUpdate(updates[updateKey(hostId, c.id)])) : shown;
    return sortContainers(kept, sort);
  }, [data.items, filter, search, sort, onlyUpdates, updates, hostId]);
  const items = useMemo(
    () => buildTableItems(visible, grouped, (p) => collapsed[groupKey(hostId, p)] === true),
    [visible, grouped, collapsed, hostId],
  );
  const running = useMemo(() => data.items.filter(isLive).length, [data.items]);
  const selectedContainers = useMemo(() => data.items.filter((c) => selected[c.id]), [data.items, selected]);
  const actionErrors = allActionErrors.filter((e) => e.hostId === hostId);

  const onOpen = useCallback(
    (c: ContainerSummary) => openDetails({ hostId, containerId: c.id, name: c.name }),
    [hostId, openDetails],
  );
  const onSelect = useCallback(
    (cs: ContainerSummary[], on: boolean) =>
      setSelected(
        hostId,
        cs.map((c) => c.id),
        on,
      ),
    [hostId, setSelected],
  );
  const onToggleGroup = useCallback((p: string) => toggleCollapsed(hostId, p), [hostId, toggleCollapsed]);
  const onGroupAction = useCallback(
    (action: 'start' | 'stop' | 'restart', group: GroupItem) => {
      // Start what is stopped, stop what runs; restart all.
      const targets = group.members.filter((c) =>
        action === 'start' ? !isLive(c) : action === 'stop' ? isLive(c) : true,
      );
      void useContainersStore
        .getState()
        .bulk(hostId, action, targets.length ? targets : group.members, `project ${group.project}`);
    },
    [hostId],
  );
  const onBulk = (action: ContainerBulkAction) => {
    if (action === 'kill' || action === 'remove') {
      setBulkAsk({ action, targets: selectedContainers });
      return;
    }
    const scope = selectedScope(selectedContainers.length);
    void useContainersStore.getState().bulk(hostId, action, selectedContainers, scope);
  };

  if (details) {
    return (
      <>
        <ContainerDetails host={host} target={details} />
        {runDialog && <RunContainerDialog host={host} target={runDialog} />}
      </>
    );
  }

  const query = search.trim();
  let empty: React.ReactNode;
  if (data.items.length === 0) {
    empty = (
      <EmptyState
        title={`No containers on ${host.name}`}
        hint="Run one from an image, or create them with the docker CLI or compose."
        actions={[
          {
            label: 'Run container',
            primary: true,
            onClick: () => useContainersStore.getState().openRun({ hostId, mode: 'create' }),
            attrs: guard(can.allowed('containers.create')),
          },
        ]}
      />
    );
  } else if (visible.length === 0) {
    empty = <FilteredOutState filters={filters} query={query} where={` on ${host.name}`} />;
  }

  return (
    <ResourceListView
      label={`Containers on ${host.name}`}
      className="containers-view"
      load={{
        ...data,
        noun: 'containers',
        loadingText: 'Loading containers…',
        onRetry: () => void fetch(hostId),
      }}
      toolbar={
        <ContainerToolbar
          hostId={hostId}
          {...filters}
          grouped={grouped}
          onGrouped={setGrouped}
          total={data.items.length}
          running={running}
          loading={data.loading}
          onRefresh={() => void fetch(hostId)}
          onRun={() => useContainersStore.getState().openRun({ hostId, mode: 'create' })}
          onPrune={() => setPruning(true)}
          runGuard={guard(can.allowed('containers.create'))}
          pruneGuard={guard(can.allowed('containers.prune'))}
        />
      }
      banners={actionErrorBanners(actionErrors, () => '')}
      bulk={
        <>
          {selectedContainers.length > 0 && (
            <BulkBar
              selected={selectedContainers}
              busy={bulkBusy}
              onAction={onBulk}
              allowed={(action) => can.allowed('containers.bulk', { action })}
              extra={<UpdateSelectedButton selected={selectedContainers} hostOf={() => hostId} />}
              onClear={() => useContainersStore.getState().clearSelection(hostId)}
            />
          )}
          {bulkOutcome && (
            <BulkResults
              outcome={bulkOutcome}
              onDismiss={() => useContainersStore.getState().dismissBulk(hostId)}
            />
          )}
        </>
      }
      empty={empty}
      overlays={
        <>
          {menu && (
            <ContainerMenu
              menu={menu}
              request={request}
              onOpen={onOpen}
              allowed={can.allowed}
              onClose={closeMenu}
            />
          )}
          {dialogs}
          {bulkAsk && (
            <BulkConfirmDialog
              action={bulkAsk.action}
              targets={bulkAsk.targets}
              hostName={host.name}
              onCancel={() => setBulkAsk(undefined)}
              onConfirm={(opts) => {
                const { action, targets } = bulkAsk;
                setBulkAsk(undefined);
                const scope = selectedScope(targets.length);
                void useContainersStore.getState().bulk(hostId, action, targets, scope, opts);
              }}
            />
          )}
          {pruning && (
            <PruneDialog
              hostId={hostId}
              hostName={host.name}
              onClose={(pruned) => {
                setPruning(false);
                if (pruned) void fetch(hostId);
              }}
            />
          )}
          {runDialog && <RunContainerDialog host={host} target={runDialog} />}
        </>
      }
    >
      <ContainerTable
        hostId={hostId}
        endpoint={host.endpoint}
        items={items}
        visible={visible}
        selected={selected}
        busy={busy}
        bulkBusy={bulkBusy}
        now={now}
        sort={sort}
        onSort={onSort}
        onSelect={onSelect}
        onAction={request}
        onOpen={onOpen}
        onMenu={onMenu}
        onToggleGroup={onToggleGroup}
        onGroupAction={onGroupAction}
      />
    </ResourceListView>
  );
}
