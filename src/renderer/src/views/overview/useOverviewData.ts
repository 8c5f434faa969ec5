import { useEffect, useState } from 'react';
import type { DiskUsage, EngineInfo } from '@shared/contract';
import { toErrorShape } from '../../lib/errors';
import { onInvalidate, type ResourceKind } from '../../lib/invalidation';
import { api } from '../../rpc/api';

export interface OverviewData {
  info?: EngineInfo;
  disk?: { size: number; reclaimable: number };
  /** The last refresh failed (the card keeps what it had and says so). */
  error?: string;
}

/** Disk usage makes the engine walk its layers: refetch it at most this often per host. */
const DISK_REFRESH_MS = 30_000;

function totals(d: DiskUsage) {
  return d.entries.reduce((t, e) => ({ size: t.size + e.size, reclaimable: t.reclaimable + e.reclaimable }), {
    size: 0,
    reclaimable: 0,
  });
}

/** Engine facts and disk totals per connected host, refreshed by the engines' own events. */
export function useOverviewData(connectedIds: string): Record<string, OverviewData> {
  const [data, setData] = useState<Record<string, OverviewData>>({});

  useEffect(() => {
    let alive = true;
    const patch = (hostId: string, p: Partial<OverviewData>) =>
      alive && setData((m) => ({ ...m, [hostId]: { ...m[hostId], ...p } }));
    const diskAt = new Map<string, number>();
    const loadInfo = (hostId: string) =>
      api.hosts.engineInfo({ hostId }).then(
        (info) => patch(hostId, { info, error: undefined }),
        (e: unknown) => patch(hostId, { error: `Could not refresh: ${toErrorShape(e).message}` }),
      );
    const loadDisk = (hostId: string) => {
      const last = diskAt.get(hostId);
      if (last !== undefined && Date.now() - last < DISK_REFRESH_MS) return;
      diskAt.set(hostId, Date.now());
      void api.system.diskUsage({ hostId }).then(
        (d) => patch(hostId, { disk: totals(d) }),
        () => undefined, // engine facts carry the error; disk totals just stay as they were
      );
    };
    const ids = connectedIds.split(',').filter(Boolean);
    for (const id of ids) {
      void loadInfo(id);
      loadDisk(id);
    }
    const offs = [
      onInvalidate('container', (id) => void loadInfo(id)),
      ...(['image', 'volume'] as ResourceKind[]).map((k) =>
        onInvalidate(k, (id) => {
          if (k === 'image') void loadInfo(id);
          loadDisk(id);
        }),
      ),
    ];
    return () => {
      alive = false;
      for (const off of offs) off();
    };
  }, [connectedIds]);

  return data;
}
