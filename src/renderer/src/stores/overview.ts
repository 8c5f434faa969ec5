import type { DiskUsage, EngineInfo } from '@shared/contract';
import { api } from '../rpc/api';
import { onInvalidate } from '../lib/invalidation';
import { createHostResourceStore, type HostLoad, NOT_LOADED } from './resource-store';

export interface HostOverview extends HostLoad {
  info: EngineInfo | undefined;
  disk: { size: number; reclaimable: number } | undefined;
}

export const EMPTY_HOST_OVERVIEW: HostOverview = {
  info: undefined,
  disk: undefined,
  ...NOT_LOADED,
};

/** Disk usage makes the engine walk its layers: refetch it at most this often per host. */
export const DISK_REFRESH_MS = 30_000;

function totals(d: DiskUsage) {
  return d.entries.reduce((t, e) => ({ size: t.size + e.size, reclaimable: t.reclaimable + e.reclaimable }), {
    size: 0,
    reclaimable: 0,
  });
}

const diskAt = new Map<string, number>();

/**
 * Refreshes a host's disk totals when the last ones are older than DISK_REFRESH_MS, apart from its
 * engine facts (a slow `df` must not hold them back); a failure keeps the old totals.
 */
export function refreshDisk(hostId: string): void {
  const last = diskAt.get(hostId);
  if (last !== undefined && Date.now() - last < DISK_REFRESH_MS) return;
  diskAt.set(hostId, Date.now());
  api.system.diskUsage({ hostId }).then(
    (d) =>
      useOverviewStore.setState((s) => {
        const host = s.byHost[hostId];
        return host ? { byHost: { ...s.byHost, [hostId]: { ...host, disk: totals(d) } } } : {};
      }),
    () => undefined, // engine facts carry the error; disk totals just stay as they were
  );
}

/**
 * Engine facts and disk totals of each host for the overview cards, refetched on the engines'
 * own events: facts on container and image changes, disk totals (at most every DISK_REFRESH_MS)
 * on image and volume changes. A failed refresh keeps what the card had.
 */
export const useOverviewStore = createHostResourceStore<HostOverview>({
  empty: EMPTY_HOST_OVERVIEW,
  invalidatedBy: ['container', 'image'],
  load: async (hostId) => {
    return { info: await api.hosts.engineInfo({ hostId }) };
  },
  onForget: (hostId) => {
    diskAt.delete(hostId);
    return {};
  },
});

for (const kind of ['image', 'volume'] as const) {
  onInvalidate(kind, (hostId) => {
    if (useOverviewStore.getState().byHost[hostId]) refreshDisk(hostId);
  });
}
