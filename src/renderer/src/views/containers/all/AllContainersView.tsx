import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { ContainerBulkAction, ContainerSummary, HostView } from '@shared/contract';
import { ResourceListView } from '../../../components/ResourceListView';
import { EmptyState } from '../../../components/ui/EmptyState';
import { ConfirmHostContext } from '../../../components/confirm-host';
import { checkPolicy, type Verdict } from '../../../lib/policy';
import { useContainersStore, type ContainerAction } from '../../../stores/containers';
import { useDetailsStore } from '../../../stores/details';
import { useHostsStore } from '../../../stores/hosts';
import { useSectionStore } from '../../../stores/sections';
import { useViewStore } from '../../../stores/view';
import { usePick } from '../../../hooks/usePick';
import { BulkBar } from '../BulkBar';
import { BulkResults } from '../BulkResults';
import { BulkConfirmDialog } from '../dialogs/BulkConfirmDialog';
import { RunContainerDialog } from '../run/RunContainerDialog';
import { actionErrorBanners, ContainerMenu, FilteredOutState, selectedScope } from '../ContainerListParts';
import { AllContainersTable } from './AllContainersTable';
import { AllContainersToolbar } from './AllContainersToolbar';
import { HostActions, type Requester } from './HostActions';
import { mergeContainers, type AllSortKey, type HostSlice } from './merge';
import { hasUpdate, updateKey, useUpdatesStore } from '../../../stores/updates';
import { UpdateSelectedButton } from '../../../components/fleet/UpdateSelectedButton';
import { MergedLogsSelectedButton } from '../../../components/fleet/MergedLogsSelectedButton';
import { useContainerList } from '../useContainerList';

interface BulkAsk {
  action: 'kill' | 'remove';
  /** One confirmation per host, asked in turn: each host's own rules (production) apply. */
  queue: Array<{ hostId: string; targets: ContainerSummary[] }>;
}

/**
 * Every connected host's containers in one list. It loads each host once and then follows the
 * engine events like the per-host list (no polling); a host that is down is one notice row.
 */
export function AllContainersView() {
  const { hosts, statuses } = usePick(useHostsStore, 'hosts', 'statuses');
  // Lists of 20 busy hosts may land in quick succession: React may skip to the latest one.
  const byHost = useDeferredValue(useContainersStore((s) => s.byHost));
  const { busy, selected, bulkBusy, bulkResults, actionErrors, runDialog } = usePick(
    useContainersStore,
    'busy',
    'selected',
    'bulkBusy',
    'bulkResults',
    'actionErrors',
    'runDialog',
  );
  const { fetch } = useContainersStore.getState();
  const { filters, sort, onSort, menu, onMenu, closeMenu, now } = useContainerList<AllSortKey>('host');
  const { filter, search } = filters;
  const query = useDeferredValue(search);
  const [hostFilter, setHostFilter] = useState('');
  const [bulkAsk, setBulkAsk] = useState<BulkAsk>();

  const hostsById = useMemo(() => new Map(hosts.map((h) => [h.id, h])), [hosts]);
  const connectedIds = hosts
    .filter((h) => statuses[h.id]?.state === 'connected')
    .map((h) => h.id)
    .join(',');

  // Each host is listed once when it is (or becomes) connected; from then on the event sync
  // refetches a host's list when its engine reports a change.
  useEffect(() => {
    for (const id of connectedIds.split(',').filter(Boolean)) void fetch(id);
  }, [connectedIds, fetch]);

  const onlyUpdates = useUpdatesStore((s) => s.onlyUpdates);
  const updates = useUpdatesStore((s) => s.byContainer);
  const slices = useMemo<HostSlice[]>(
    () =>
      hosts
        .filter((h) => !hostFilter || h.id === hostFilter)
        .map((host) => {
          const data = byHost[host.id];
          // "Updates available": each host's list keeps only containers with a newer image.
          const kept =
            data && onlyUpdates
              ? { ...data, items: data.items.filter((c) => hasUpdate(updates[updateKey(host.id, c.id)])) }
              : data;
          return { host, status: statuses[host.id], data: kept };
        }),
    [hosts, hostFilter, statuses, byHost, onlyUpdates, updates],
  );
  const merged = useMemo(() => mergeContainers(slices, filter, query, sort), [slices, filter, query, sort]);
  const visible = useMemo(
    () => merged.items.flatMap((it) => (it.kind === 'row' ? [it.container] : [])),
    [merged],
  );
  const listedHosts = slices.length - merged.items.filter((it) => it.kind === 'notice').length;
  const loading = slices.some((s) => s.data?.loading);

  // Rows call back with the container only: the latest merge maps it to its host.
  const hostOfRef = useRef(merged.hostOf);
  hostOfRef.current = merged.hostOf;
  const hostOf = useCallback((c: ContainerSummary) => hostOfRef.current.get(c), []);

  const requesters = useRef(new Map<string, Requester>());
  const register = useCallback((hostId: string, r: Requester | undefined) => {
    if (r) requesters.current.set(hostId, r);
    else requesters.current.delete(hostId);
  }, []);

  const isSelected = useCallback((hostId: string, id: string) => selected[hostId]?.[id] === true, [selected]);
  const selectedByHost = useMemo(() => {
    const out = new Map<string, ContainerSummary[]>();
    for (const it of merged.items) {
      if (it.kind !== 'row' || selected[it.hostId]?.[it.container.id] !== true) continue;
      const list = out.get(it.hostId);
      if (list) list.push(it.container);
      else out.set(it.hostId, [it.container]);
    }
    return out;
  }, [merged, selected]);
  const selectedContainers = useMemo(() => [...selectedByHost.values()].flat(), [selectedByHost]);

  const onSelect = useCallback(
    (cs: ContainerSummary[], on: boolean) => {
      const perHost = new Map<string, string[]>();
      for (const c of cs) {
        const h = hostOf(c);
        if (!h) continue;
        const ids = perHost.get(h);
        if (ids) ids.push(c.id);
        else perHost.set(h, [c.id]);
      }
      const { setSelected } = useContainersStore.getState();
      for (const [h, ids] of perHost) setSelected(h, ids, on);
    },
    [hostOf],
  );
  const onAction = useCallback(
    (action: ContainerAction, c: ContainerSummary) => {
      const h = hostOf(c);
      if (h) requesters.current.get(h)?.(action, c);
    },
    [hostOf],
  );
  // Details open in the container's host page, on its Containers section.
  const onOpen = useCallback(
    (c: ContainerSummary) => {
      const h = hostOf(c);
      if (!h) return;
      useHostsStore.getState().select(h);
      useViewStore.getState().showHost();
      useSectionStore.getState().setSection('containers');
      useDetailsStore.getState().open({ hostId: h, containerId: c.id, name: c.name });
    },
    [hostOf],
  );
  const onRetry = useCallback((hostId: string) => void useHostsStore.getState().reconnect(hostId), []);

  const bulkAllowed = (action: ContainerBulkAction): Verdict => {
    for (const h of selectedByHost.keys()) {
      const host = hostsById.get(h);
      const v = host ? checkPolicy(host.policy, 'containers.bulk', { action }) : { ok: true as const };
      if (!v.ok) return { ok: false, reason: `${host?.name ?? h}: ${v.reason}` };
    }
    return { ok: true };
  };
  const onBulk = (action: ContainerBulkAction) => {
    const queue = [...selectedByHost].map(([hostId, targets]) => ({ hostId, targets }));
    if (action === 'kill' || action === 'remove') {
      setBulkAsk({ action, queue });
      return;
    }
    const store = useContainersStore.getState();
    for (const { hostId, targets } of queue)
      void store.bulk(hostId, action, targets, selectedScope(targets.length));
  };
  const anyBulkBusy = [...selectedByHost.keys()].map((h) => bulkBusy[h]).find(Boolean);

  const asking = bulkAsk?.queue[0];
  const askHost = asking ? hostsById.get(asking.hostId) : undefined;
  const menuHost = menu ? hostsById.get(hostOf(menu.c) ?? '') : undefined;
  const runHost = runDialog ? hostsById.get(runDialog.hostId) : undefined;

  let empty: React.ReactNode;
  if (hosts.length === 0) empty = <EmptyState title="No hosts yet" />;
  else if (merged.items.length > 0) empty = null;
  else if (merged.total === 0) empty = <EmptyState title="No containers on any host" />;
  else empty = <FilteredOutState filters={filters} query={query.trim()} where="" />;

  return (
    <ResourceListView
      label="All containers"
      className="containers-view all-containers"
      toolbar={
        <AllContainersToolbar
          {...filters}
          hosts={hosts}
          hostFilter={hostFilter}
          onHostFilter={setHostFilter}
          total={merged.total}
          running={merged.running}
          hostCount={listedHosts}
          loading={loading}
          onRefresh={() => {
            for (const id of connectedIds.split(',').filter(Boolean)) void fetch(id);
          }}
        />
      }
      banners={actionErrorBanners(actionErrors, (e) => ` on ${hostsById.get(e.hostId)?.name ?? e.hostId}`)}
      bulk={
        <>
          {selectedContainers.length > 0 && (
            <BulkBar
              selected={selectedContainers}
              busy={anyBulkBusy}
              onAction={onBulk}
              allowed={bulkAllowed}
              extra={
                <>
                  <UpdateSelectedButton selected={selectedContainers} hostOf={hostOf} />
                  <MergedLogsSelectedButton selected={selectedContainers} hostOf={hostOf} />
                </>
              }
              onClear={() => {
                const store = useContainersStore.getState();
                for (const h of selectedByHost.keys()) store.clearSelection(h);
              }}
            />
          )}
          {slices.map(({ host }) => {
            const outcome = bulkResults[host.id];
            return outcome ? (
              <BulkResults
                key={host.id}
                outcome={{ ...outcome, scope: `${outcome.scope} on ${host.name}` }}
                onDismiss={() => useContainersStore.getState().dismissBulk(host.id)}
              />
            ) : null;
          })}
        </>
      }
      empty={empty}
      overlays={
        <>
          {hosts.map((h) => (
            <HostActions key={h.id} host={h} register={register} />
          ))}
          {menu && menuHost && (
            <ContainerMenu
              menu={menu}
              request={(kind, c) => requesters.current.get(menuHost.id)?.(kind, c)}
              onOpen={onOpen}
              allowed={(method, input) => checkPolicy(menuHost.policy, method, input)}
              onClose={closeMenu}
            />
          )}
          {bulkAsk && asking && askHost && (
            <ConfirmHostContext.Provider value={askHost.id}>
              <BulkConfirmDialog
                key={askHost.id}
                action={bulkAsk.action}
                targets={asking.targets}
                hostName={askHost.name}
                onCancel={() => setBulkAsk(undefined)}
                onConfirm={(opts) => {
                  const rest = bulkAsk.queue.slice(1);
                  setBulkAsk(rest.length ? { ...bulkAsk, queue: rest } : undefined);
                  void useContainersStore
                    .getState()
                    .bulk(
                      asking.hostId,
                      bulkAsk.action,
                      asking.targets,
                      selectedScope(asking.targets.length),
                      opts,
                    );
                }}
              />
            </ConfirmHostContext.Provider>
          )}
          {runDialog && runHost && <RunHostDialog host={runHost} />}
        </>
      }
    >
      <AllContainersTable
        items={merged.items}
        hostsById={hostsById}
        visible={visible}
        isSelected={isSelected}
        busy={busy}
        now={now}
        sort={sort}
        onSort={onSort}
        onSelect={onSelect}
        onAction={onAction}
        onOpen={onOpen}
        onMenu={onMenu}
        onRetry={onRetry}
      />
    </ResourceListView>
  );
}

/** "Edit and recreate" from this page: the run dialog of the container's host. */
function RunHostDialog({ host }: { host: HostView }) {
  const target = useContainersStore((s) => s.runDialog);
  if (!target) return null;
  return (
    <ConfirmHostContext.Provider value={host.id}>
      <RunContainerDialog host={host} target={target} />
    </ConfirmHostContext.Provider>
  );
}
