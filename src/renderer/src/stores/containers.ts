import { create } from 'zustand';
import type { AppErrorShape, ContainerSummary } from '@shared/contract';
import { api } from '../rpc/api';
import { toErrorShape } from '../lib/errors';
import { useHostsStore } from './hosts';

export type ContainerAction = 'start' | 'stop' | 'restart' | 'remove';

export const ACTION_VERBS: Record<ContainerAction, { label: string; busy: string; failed: string }> = {
  start: { label: 'Start', busy: 'Starting…', failed: 'start' },
  stop: { label: 'Stop', busy: 'Stopping…', failed: 'stop' },
  restart: { label: 'Restart', busy: 'Restarting…', failed: 'restart' },
  remove: { label: 'Remove', busy: 'Removing…', failed: 'remove' },
};

export interface HostContainers {
  items: ContainerSummary[];
  loading: boolean;
  error: AppErrorShape | undefined;
  /** When the list was last fetched successfully (epoch ms). */
  fetchedAt: number | undefined;
}

export interface ActionError {
  id: number;
  hostId: string;
  containerId: string;
  containerName: string;
  action: ContainerAction;
  error: AppErrorShape;
}

export interface ContainersState {
  byHost: Record<string, HostContainers>;
  /** `${hostId}/${containerId}` → the action in flight. */
  busy: Record<string, ContainerAction>;
  actionErrors: ActionError[];

  fetch(hostId: string): Promise<void>;
  start(hostId: string, c: ContainerSummary): Promise<void>;
  stop(hostId: string, c: ContainerSummary): Promise<void>;
  restart(hostId: string, c: ContainerSummary): Promise<void>;
  remove(hostId: string, c: ContainerSummary, force: boolean): Promise<void>;
  dismissActionError(id: number): void;
  forgetHost(hostId: string): void;
}

export const EMPTY_HOST_CONTAINERS: HostContainers = {
  items: [],
  loading: false,
  error: undefined,
  fetchedAt: undefined,
};

export const busyKey = (hostId: string, containerId: string) => `${hostId}/${containerId}`;

const inFlight = new Map<string, Promise<void>>();
let nextErrorId = 1;

export const useContainersStore = create<ContainersState>()((set, get) => {
  const patchHost = (hostId: string, patch: Partial<HostContainers>) =>
    set((s) => ({
      byHost: { ...s.byHost, [hostId]: { ...(s.byHost[hostId] ?? EMPTY_HOST_CONTAINERS), ...patch } },
    }));

  async function run(hostId: string, c: ContainerSummary, action: ContainerAction, force = false) {
    const key = busyKey(hostId, c.id);
    if (get().busy[key]) return;
    set((s) => ({
      busy: { ...s.busy, [key]: action },
      // A new attempt replaces the previous error about the same container and action.
      actionErrors: s.actionErrors.filter(
        (e) => !(e.hostId === hostId && e.containerId === c.id && e.action === action),
      ),
    }));
    try {
      const target = { hostId, id: c.id };
      if (action === 'start') await api.containers.start(target);
      else if (action === 'stop') await api.containers.stop(target);
      else if (action === 'restart') await api.containers.restart(target);
      else await api.containers.remove({ ...target, force });
    } catch (e) {
      const err: ActionError = {
        id: nextErrorId++,
        hostId,
        containerId: c.id,
        containerName: c.name,
        action,
        error: toErrorShape(e),
      };
      set((s) => ({ actionErrors: [...s.actionErrors, err] }));
    } finally {
      set((s) => {
        const busy = { ...s.busy };
        delete busy[key];
        return { busy };
      });
    }
    await get().fetch(hostId);
  }

  return {
    byHost: {},
    busy: {},
    actionErrors: [],

    fetch(hostId) {
      // One list request per host at a time; a second caller shares it.
      const pending = inFlight.get(hostId);
      if (pending) return pending;
      patchHost(hostId, { loading: true });
      const p = (async () => {
        try {
          const items = await api.containers.list({ hostId, all: true });
          patchHost(hostId, { items, loading: false, error: undefined, fetchedAt: Date.now() });
        } catch (e) {
          patchHost(hostId, { loading: false, error: toErrorShape(e) });
        } finally {
          inFlight.delete(hostId);
        }
      })();
      inFlight.set(hostId, p);
      return p;
    },

    start: (hostId, c) => run(hostId, c, 'start'),
    stop: (hostId, c) => run(hostId, c, 'stop'),
    restart: (hostId, c) => run(hostId, c, 'restart'),
    remove: (hostId, c, force) => run(hostId, c, 'remove', force),

    dismissActionError(id) {
      set((s) => ({ actionErrors: s.actionErrors.filter((e) => e.id !== id) }));
    },

    forgetHost(hostId) {
      set((s) => {
        const byHost = { ...s.byHost };
        delete byHost[hostId];
        return { byHost, actionErrors: s.actionErrors.filter((e) => e.hostId !== hostId) };
      });
    },
  };
});

let syncing = false;

/**
 * Keeps container lists in step with host connections: refetch when a host (the selected one, or
 * one already shown) becomes connected; drop the data of removed hosts.
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
    if (s.hosts !== prev.hosts) {
      const ids = new Set(s.hosts.map((h) => h.id));
      for (const id of Object.keys(containers.byHost)) if (!ids.has(id)) containers.forgetHost(id);
    }
  });
}
