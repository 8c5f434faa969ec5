import { z } from 'zod';
import { stream } from './define';
import type { AppErrorShape } from './errors';
import { containerRefSchema, hostIdSchema } from './ids';

/** One reading of a container, computed as `docker stats` computes it. */
export interface StatsSample {
  /** When the engine read the counters (epoch ms). */
  at: number;
  /** False for a stopped container: the engine then sends empty readings. */
  running: boolean;
  /** 100 = one CPU fully busy; up to onlineCpus × 100. */
  cpuPercent: number;
  onlineCpus: number;
  /** Bytes in use without the reclaimable page cache (inactive_file). */
  memUsage: number;
  memLimit: number;
  memPercent: number;
  /** Totals since the container started, in bytes. */
  netRx: number;
  netTx: number;
  blkRead: number;
  blkWrite: number;
  /** Bytes per second since the previous reading (0 for the first one). */
  netRxRate: number;
  netTxRate: number;
  blkReadRate: number;
  blkWriteRate: number;
  pids: number;
}

/**
 * What a container's stats stream says besides readings: the host was lost (readings stop, and
 * resume by themselves when it is back), or it is back.
 */
export type StatsLinkEvent = { type: 'disconnected'; error: AppErrorShape } | { type: 'resumed' };
export type StatsEvent = StatsSample | StatsLinkEvent;

/** Tells readings from link events (a sample has no `type`). */
export function isStatsSample(e: StatsEvent): e is StatsSample {
  return !('type' in e);
}

/** CPU and memory of one container, for a row of the containers list. */
export interface MiniStatsEntry {
  id: string;
  cpuPercent: number;
  memUsage: number;
  memLimit: number;
  memPercent: number;
}

export interface StatsSummary {
  /** Epoch ms when main assembled the summary. */
  at: number;
  /** The asked-for containers that have a reading; the others are still starting or not running. */
  items: MiniStatsEntry[];
  /** Set while the host is lost: no readings until it is back (then the streams reopen by themselves). */
  disconnected?: AppErrorShape;
}

/** How many containers one summary subscription may watch (the rows on screen, not the host). */
export const MAX_SUMMARY_IDS = 200;

export const statsContract = {
  /**
   * Live readings of one container (about one a second), while subscribed; 'disconnected' and
   * 'resumed' when its host goes and comes back.
   */
  container: stream<StatsEvent>()(z.strictObject({ hostId: hostIdSchema, id: containerRefSchema })),
  /**
   * CPU and memory of several containers of one host, every 2 s. Main shares one engine stream per
   * container among all summary subscribers of the host.
   */
  summary: stream<StatsSummary>()(
    z.strictObject({
      hostId: hostIdSchema,
      ids: z.array(containerRefSchema).max(MAX_SUMMARY_IDS),
    }),
  ),
};
