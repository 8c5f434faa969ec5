import { useEffect } from 'react';
import type { MiniStatsEntry } from '@shared/contract';
import { useMiniStatsStore, watchMiniStats } from '../stores/stats';

/**
 * The latest CPU/memory of one container for a list row. Mounting registers interest; the host's
 * single summary subscription covers every mounted row.
 */
export function useMiniStats(hostId: string, containerId: string): MiniStatsEntry | undefined {
  useEffect(() => watchMiniStats(hostId, containerId), [hostId, containerId]);
  return useMiniStatsStore((s) => s.byHost[hostId]?.[containerId]);
}
