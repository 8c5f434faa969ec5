import type { DiskKind, DiskUsage, PruneResult } from '@shared/contract';
import { api } from '../rpc/api';
import { createHostResourceStore, type HostLoad, NOT_LOADED } from './resource-store';

export interface HostDisk extends HostLoad {
  usage: DiskUsage | undefined;
  /** The outcome of the last prune of each kind, shown on its card. */
  lastPrune: Partial<Record<DiskKind, PruneResult>>;
}

export const EMPTY_HOST_DISK: HostDisk = {
  usage: undefined,
  ...NOT_LOADED,
  lastPrune: {},
};

interface DiskExtras {
  recordPrune(hostId: string, kind: DiskKind, result: PruneResult): void;
}

/** Each host's `docker system df`, fetched when the view opens, after a prune and on changes. */
export const useDiskStore = createHostResourceStore<HostDisk, DiskExtras>({
  empty: EMPTY_HOST_DISK,
  invalidatedBy: ['container'],
  load: async (hostId) => ({ usage: await api.system.diskUsage({ hostId }) }),
  extras: (set) => ({
    recordPrune(hostId, kind, result) {
      set((s) => {
        const host = s.byHost[hostId] ?? EMPTY_HOST_DISK;
        return {
          byHost: { ...s.byHost, [hostId]: { ...host, lastPrune: { ...host.lastPrune, [kind]: result } } },
        };
      });
    },
  }),
});
