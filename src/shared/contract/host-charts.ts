import { z } from 'zod';
import { stream } from './define';
import type { AppErrorShape } from './errors';
import { hostIdSchema } from './ids';

/** One point of a host's chart: its containers' CPU and memory, summed. */
export interface HostChartPoint {
  at: number;
  /** 100 = one CPU fully busy. */
  cpuPercent: number;
  memUsage: number;
  /** Containers that had a reading. */
  containers: number;
}

export interface TopContainer {
  id: string;
  name: string;
  cpuPercent: number;
  memUsage: number;
}

export interface HostChart {
  hostId: string;
  /** Oldest first; at most an hour. */
  points: HostChartPoint[];
  topCpu: TopContainer[];
  topMem: TopContainer[];
  /** Set while the host is lost: no points until it is back. */
  disconnected?: AppErrorShape;
}

export type HostChartsEvent =
  | { type: 'snapshot'; hosts: HostChart[] }
  /** A new point (and the current top lists) for one host. */
  | {
      type: 'point';
      hostId: string;
      point: HostChartPoint;
      topCpu: TopContainer[];
      topMem: TopContainer[];
    }
  | { type: 'disconnected'; hostId: string; error: AppErrorShape }
  | { type: 'resumed'; hostId: string };

/** Points are this far apart; an hour is HOST_CHART_POINTS of them. */
export const HOST_CHART_STEP_MS = 10_000;
export const HOST_CHART_POINTS = 360;
export const HOST_CHART_TOP = 5;

export const hostChartsContract = {
  /**
   * Per host, CPU and memory of its running containers over the last hour, and the top
   * containers; sampling runs only while someone watches (or the history setting is on).
   */
  watch: stream<HostChartsEvent>()(z.strictObject({ hostIds: z.array(hostIdSchema).max(100).optional() })),
};
