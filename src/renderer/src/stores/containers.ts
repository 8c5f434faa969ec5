import type { AppErrorShape, ContainerBulkAction, ContainerSignal, ContainerSummary } from '@shared/contract';
import { api } from '../rpc/api';
import { invoke } from '../rpc/api';
import { containerAction, type ContainerAction } from '../actions/container-actions';
import { toErrorShape } from '../lib/errors';
import { mergeById } from '../lib/merge-by-id';
import { readStored, writeStored } from '../lib/storage';
import { useHostsStore } from './hosts';
import { createHostResourceStore, type HostLoad, type HostResourceState, NOT_LOADED } from './resource-store';
import { useUiStore } from './ui';

export type { ContainerAction };

import type { ContainerFilter } from '../lib/container-filter';
export type { ContainerFilter };

export interface HostContainers extends HostLoad {
  items: ContainerSummary[];
}

export interface ActionError {
  id: number;
  hostId: string;
  containerId: string;
  containerName: string;
  action: ContainerAction;
  error: AppErrorShape;
}

export interface BulkResultRow {
  id: string;
  name: string;
  ok: boolean;
  error?: AppErrorShape;
}

/** The outcome of one bulk (or compose-group) action, shown until dismissed. */
export interface BulkOutcome {
  action: ContainerBulkAction;
  /** e.g. "3 selected containers" or "project shop". */
  scope: string;
  rows: BulkResultRow[];
}

export interface ActionOptions {
  force?: boolean;
  volumes?: boolean;
  signal?: ContainerSignal;
  timeoutSec?: number;
  name?: string;
  /** The caller shows the error itself (a dialog): no banner. */
  inline?: boolean;
}

/** What the run dialog is doing: a new container, or editing (recreating) an existing one. */
export type RunDialogTarget =
  | { hostId: string; mode: 'create' }
  | { hostId: string; mode: 'recreate'; id: string; name: string; running: boolean };

/** What the containers store keeps beside each host's list: actions in flight, view state. */
interface ContainerExtras {
  /** `${hostId}/${containerId}` → the action in flight. */
  busy: Record<string, ContainerAction>;
  actionErrors: ActionError[];
  filter: ContainerFilter;
  grouped: boolean;
  /** `${hostId}/${project}` of collapsed compose groups. */
  collapsed: Record<string, true>;
  /** Selected container ids, per host. */
  selected: Record<string, Record<string, true>>;
  bulkBusy: Record<string, ContainerBulkAction>;
  bulkResults: Record<string, BulkOutcome>;
  runDialog: RunDialogTarget | undefined;

  act(
    hostId: string,
    c: Pick<ContainerSummary, 'id' | 'name'>,
    action: ContainerAction,
    opts?: ActionOptions,
  ): Promise<AppErrorShape | undefined>;
  start(hostId: string, c: ContainerSummary): Promise<void>;
  stop(hostId: string, c: ContainerSummary): Promise<void>;
  restart(hostId: string, c: ContainerSummary): Promise<void>;
  remove(hostId: string, c: ContainerSummary, force: boolean, volumes?: boolean): Promise<void>;
  bulk(
    hostId: string,
    action: ContainerBulkAction,
    targets: ContainerSummary[],
    scope: string,
    opts?: { force?: boolean; volumes?: boolean; signal?: ContainerSignal },
  ): Promise<void>;
  dismissBulk(hostId: string): void;
  dismissActionError(id: number): void;
  setFilter(f: ContainerFilter): void;
  setGrouped(on: boolean): void;
  toggleCollapsed(hostId: string, project: string): void;
  setSelected(hostId: string, ids: string[], on: boolean): void;
  clearSelection(hostId: string): void;
  openRun(target: RunDialogTarget): void;
  closeRun(): void;
}

export type ContainersState = HostResourceState<HostContainers> & ContainerExtras;

export const EMPTY_HOST_CONTAINERS: HostContainers = {
  items: [],
  ...NOT_LOADED,
};

export const EMPTY_SELECTION: Record<string, true> = {};

export const busyKey = (hostId: string, containerId: string) => `${hostId}/${containerId}`;
export const groupKey = (hostId: string, project: string) => `${hostId}/${project}`;

const FILTER_KEY = 'berthmaster.containers.filter';
const GROUPED_KEY = 'berthmaster.containers.grouped';

function storedFilter(): ContainerFilter {
  const v = readStored(FILTER_KEY);
  return v === 'running' || v === 'exited' ? v : 'all';
}

let nextErrorId = 1;

/** Runs one action through its descriptor: the method and its input come from the table. */
async function callAction(hostId: string, id: string, action: ContainerAction, o: ActionOptions) {
  const d = containerAction(action);
  if (!d.input) throw new Error(`${action} has no direct call`);
  await invoke(d.method, d.input({ hostId, id }, o));
}

/** Drops the selected ids of containers a fetch no longer lists. */
function pruneSelection(
  hostId: string,
  get: () => ContainersState,
  set: (p: Partial<ContainersState>) => void,
) {
  const s = get();
  const sel = s.selected[hostId];
  const items = s.byHost[hostId]?.items;
  if (!sel || !items) return;
  const ids = new Set(items.map((c) => c.id));
  const kept = Object.keys(sel).filter((id) => ids.has(id));
  if (kept.length !== Object.keys(sel).length) {
    set({ selected: { ...s.selected, [hostId]: Object.fromEntries(kept.map((id) => [id, true])) } });
  }
}

/**
 * Each host's containers (all of them, running or not), refetched on container events, plus
 * what the list views keep about them: actions and bulk actions in flight, their errors and
 * results, the filter, grouping, collapsed groups, selection and the run dialog.
 */
export const useContainersStore = createHostResourceStore<HostContainers, ContainerExtras>({
  empty: EMPTY_HOST_CONTAINERS,
  invalidatedBy: ['container'],
  load: async (hostId) => ({ items: await api.containers.list({ hostId, all: true }) }),
  // After events, only the containers they name are asked for and merged in.
  refresh: async (hostId, ids, prev) => ({
    items: mergeById(prev.items, ids, await api.containers.list({ hostId, all: true, ids })),
  }),
  afterFetch: (hostId, get) => pruneSelection(hostId, get, (p) => useContainersStore.setState(p)),
  onForget: (hostId, s) => {
    const selected = { ...s.selected };
    delete selected[hostId];
    const bulkResults = { ...s.bulkResults };
    delete bulkResults[hostId];
    return {
      selected,
      bulkResults,
      actionErrors: s.actionErrors.filter((e) => e.hostId !== hostId),
      runDialog: s.runDialog?.hostId === hostId ? undefined : s.runDialog,
    };
  },
  extras: (set, get) => ({
    busy: {},
    actionErrors: [],
    filter: storedFilter(),
    grouped: readStored(GROUPED_KEY) !== 'off',
    collapsed: {},
    selected: {},
    bulkBusy: {},
    bulkResults: {},
    runDialog: undefined,

    async act(hostId, c, action, opts = {}) {
      const key = busyKey(hostId, c.id);
      if (get().busy[key]) return undefined;
      set((s) => ({
        busy: { ...s.busy, [key]: action },
        // A new attempt replaces the previous error about the same container and action.
        actionErrors: s.actionErrors.filter(
          (e) => !(e.hostId === hostId && e.containerId === c.id && e.action === action),
        ),
      }));
      let failure: AppErrorShape | undefined;
      try {
        await callAction(hostId, c.id, action, opts);
        if (containerAction(action).toast) {
          const what =
            action === 'rename'
              ? `${c.name} renamed to ${opts.name ?? ''}`
              : `${c.name} ${containerAction(action).done}`;
          useUiStore.getState().toast(what);
        }
      } catch (e) {
        failure = toErrorShape(e);
        if (!opts.inline) {
          const err: ActionError = {
            id: nextErrorId++,
            hostId,
            containerId: c.id,
            containerName: c.name,
            action,
            error: failure,
          };
          set((s) => ({ actionErrors: [...s.actionErrors, err] }));
        }
      } finally {
        set((s) => {
          const busy = { ...s.busy };
          delete busy[key];
          return { busy };
        });
      }
      await get().fetch(hostId);
      return failure;
    },

    start: async (hostId, c) => void (await get().act(hostId, c, 'start')),
    stop: async (hostId, c) => void (await get().act(hostId, c, 'stop')),
    restart: async (hostId, c) => void (await get().act(hostId, c, 'restart')),
    remove: async (hostId, c, force, volumes = false) =>
      void (await get().act(hostId, c, 'remove', { force, volumes })),

    async bulk(hostId, action, targets, scope, opts = {}) {
      if (get().bulkBusy[hostId] || targets.length === 0) return;
      set((s) => ({ bulkBusy: { ...s.bulkBusy, [hostId]: action } }));
      const names = new Map(targets.map((c) => [c.id, c.name]));
      let rows: BulkResultRow[];
      try {
        const results = await api.containers.bulk({
          hostId,
          action,
          ids: targets.map((c) => c.id),
          force: opts.force ?? false,
          volumes: opts.volumes ?? false,
          signal: opts.signal ?? 'SIGKILL',
        });
        rows = results.map((r) => {
          const row: BulkResultRow = { id: r.id, name: names.get(r.id) ?? r.id.slice(0, 12), ok: r.ok };
          if (r.error) row.error = r.error;
          return row;
        });
      } catch (e) {
        // The whole call failed (host gone): every container gets that error.
        const error = toErrorShape(e);
        rows = targets.map((c) => ({ id: c.id, name: c.name, ok: false, error }));
      }
      const failed = new Set(rows.filter((r) => !r.ok).map((r) => r.id));
      set((s) => {
        const bulkBusy = { ...s.bulkBusy };
        delete bulkBusy[hostId];
        // Failed containers stay selected, ready for another try.
        const sel = Object.fromEntries(
          Object.keys(s.selected[hostId] ?? {})
            .filter((id) => failed.has(id) || !names.has(id))
            .map((id) => [id, true as const]),
        );
        return {
          bulkBusy,
          bulkResults: { ...s.bulkResults, [hostId]: { action, scope, rows } },
          selected: { ...s.selected, [hostId]: sel },
        };
      });
      await get().fetch(hostId);
    },

    dismissBulk(hostId) {
      set((s) => {
        const bulkResults = { ...s.bulkResults };
        delete bulkResults[hostId];
        return { bulkResults };
      });
    },

    dismissActionError(id) {
      set((s) => ({ actionErrors: s.actionErrors.filter((e) => e.id !== id) }));
    },

    setFilter(filter) {
      writeStored(FILTER_KEY, filter);
      set({ filter });
    },

    setGrouped(grouped) {
      writeStored(GROUPED_KEY, grouped ? 'on' : 'off');
      set({ grouped });
    },

    toggleCollapsed(hostId, project) {
      const key = groupKey(hostId, project);
      set((s) => {
        const collapsed = { ...s.collapsed };
        if (collapsed[key]) delete collapsed[key];
        else collapsed[key] = true;
        return { collapsed };
      });
    },

    setSelected(hostId, ids, on) {
      set((s) => {
        const sel = { ...(s.selected[hostId] ?? {}) };
        for (const id of ids) {
          if (on) sel[id] = true;
          else delete sel[id];
        }
        return { selected: { ...s.selected, [hostId]: sel } };
      });
    },

    clearSelection(hostId) {
      set((s) => ({ selected: { ...s.selected, [hostId]: {} } }));
    },

    openRun: (runDialog) => set({ runDialog }),
    closeRun: () => set({ runDialog: undefined }),
  }),
});

let syncing = false;

/**
 * Refetches a host's list when it becomes connected (the selected host, or one already shown).
 * Engine events and removed hosts are the store factory's job.
 */
export function startContainerSync(): void {
  if (syncing) return;
  syncing = true;
  useHostsStore.subscribe((s, prev) => {
    const containers = useContainersStore.getState();
    for (const [id, status] of Object.entries(s.statuses)) {
      const before = prev.statuses[id];
      const nowConnected = status.state === 'connected' && before?.state !== 'connected';
      if (nowConnected && (id === s.selectedHostId || containers.byHost[id])) void containers.fetch(id);
    }
  });
}
