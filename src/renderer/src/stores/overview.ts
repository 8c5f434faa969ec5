import type { DiskUsage, EngineInfo } from '@shared/contract';
import { api } from '../rpc/api';
import { createHostResourceStore, type HostLoad } from './resource-store';

export interface HostOverview extends HostLoad {
  info: EngineInfo | undefined;
  disk: { size: number; reclaimable: number } | undefined;
}

export const EMPTY_HOST_OVERVIEW: HostOverview = {
  info: undefined,
  disk: undefined,
  loading: false,
  error: undefined,
  fetchedAt: undefined,
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

/** Disk totals when the last ones are older than DISK_REFRESH_MS; a failure keeps the old ones. */
async function diskTotals(hostId: string): Promise<{ disk?: HostOverview['disk'] }> {
  const last = diskAt.get(hostId);
  if (last !== undefined && Date.now() - last < DISK_REFRESH_MS) return {};
  diskAt.set(hostId, Date.now());
  // Engine facts carry the error; disk totals just stay as they were.
  return api.system.diskUsage({ hostId }).then(
    (d) => ({ disk: totals(d) }),
    () => ({}),
  );
}

/**
 * Engine facts and disk totals of each host for the overview cards, refetched on the engines'
 * own events (disk totals at most every DISK_REFRESH_MS). A failed refresh keeps what the card had.
 */
export const useOverviewStore = createHostResourceStore<HostOverview>({
  empty: EMPTY_HOST_OVERVIEW,
  invalidatedBy: ['container', 'image', 'volume'],
  load: async (hostId) => {
    const disk = diskTotals(hostId);
    const info = await api.hosts.engineInfo({ hostId });
    return { info, ...(await disk) };
  },
  onForget: (hostId) => {
    diskAt.delete(hostId);
    return {};
  },
});
