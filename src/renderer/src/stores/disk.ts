import { create } from 'zustand';
import { onInvalidate } from '../lib/invalidation';
import type { AppErrorShape, DiskKind, DiskUsage, PruneResult } from '@shared/contract';
import { api } from '../rpc/api';
import { toErrorShape } from '../lib/errors';

export interface HostDisk {
  usage: DiskUsage | undefined;
  loading: boolean;
  error: AppErrorShape | undefined;
  fetchedAt: number | undefined;
  /** The outcome of the last prune of each kind, shown on its card. */
  lastPrune: Partial<Record<DiskKind, PruneResult>>;
}

export const EMPTY_HOST_DISK: HostDisk = {
  usage: undefined,
  loading: false,
  error: undefined,
  fetchedAt: undefined,
  lastPrune: {},
};

interface DiskState {
  byHost: Record<string, HostDisk>;
  fetch(hostId: string): Promise<void>;
  recordPrune(hostId: string, kind: DiskKind, result: PruneResult): void;
}

const inFlight = new Map<string, Promise<void>>();

/** Each host's `docker system df`, fetched when the view opens and after a prune. */
export const useDiskStore = create<DiskState>()((set) => {
  const patch = (hostId: string, p: Partial<HostDisk>) =>
    set((s) => ({ byHost: { ...s.byHost, [hostId]: { ...(s.byHost[hostId] ?? EMPTY_HOST_DISK), ...p } } }));
  return {
    byHost: {},
    fetch(hostId) {
      const pending = inFlight.get(hostId);
      if (pending) return pending;
      patch(hostId, { loading: true });
      const p = (async () => {
        try {
          const usage = await api.system.diskUsage({ hostId });
          patch(hostId, { usage, loading: false, error: undefined, fetchedAt: Date.now() });
        } catch (e) {
          patch(hostId, { loading: false, error: toErrorShape(e) });
        } finally {
          inFlight.delete(hostId);
        }
      })();
      inFlight.set(hostId, p);
      return p;
    },
    recordPrune(hostId, kind, result) {
      set((s) => {
        const host = s.byHost[hostId] ?? EMPTY_HOST_DISK;
        return {
          byHost: { ...s.byHost, [hostId]: { ...host, lastPrune: { ...host.lastPrune, [kind]: result } } },
        };
      });
    },
  };
});

// Engine events: refetch a host's list only if this view has loaded it.
onInvalidate('container', (hostId) => {
  const state = useDiskStore.getState();
  if (state.byHost[hostId]) void state.fetch(hostId);
});
