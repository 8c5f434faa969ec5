import type { StatsSample } from '@shared/contract';

/**
 * The parts of one engine stats frame (GET /containers/{id}/stats) that `docker stats` reads.
 * Everything is optional: a stopped container's frames are nearly empty, and cgroup v2 omits
 * several fields.
 */
export interface RawCpuStats {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] | null };
  system_cpu_usage?: number;
  online_cpus?: number;
}

export interface RawStatsFrame {
  read?: string;
  cpu_stats?: RawCpuStats;
  precpu_stats?: RawCpuStats;
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  blkio_stats?: { io_service_bytes_recursive?: Array<{ op?: string; value?: number }> | null };
  pids_stats?: { current?: number };
}

/** The zero time the engine sends for a container that is not running. */
const ZERO_TIME = '0001-01-01T00:00:00Z';

/**
 * CPU % as docker/cli calculateCPUPercentUnix: the container's CPU time delta over the host's,
 * times the CPUs online (falling back to the per-CPU array's length), and only when both deltas
 * are positive (the first frame of a stream has an empty precpu).
 */
export function cpuPercent(frame: RawStatsFrame): number {
  const cur = frame.cpu_stats;
  const pre = frame.precpu_stats;
  const cpuDelta = (cur?.cpu_usage?.total_usage ?? 0) - (pre?.cpu_usage?.total_usage ?? 0);
  const systemDelta = (cur?.system_cpu_usage ?? 0) - (pre?.system_cpu_usage ?? 0);
  const cpus = onlineCpus(frame);
  if (systemDelta > 0 && cpuDelta > 0) return (cpuDelta / systemDelta) * cpus * 100;
  return 0;
}

export function onlineCpus(frame: RawStatsFrame): number {
  const online = frame.cpu_stats?.online_cpus ?? 0;
  return online !== 0 ? online : (frame.cpu_stats?.cpu_usage?.percpu_usage?.length ?? 0);
}

/**
 * Memory in use as docker/cli calculateMemUsageUnixNoCache: usage minus total_inactive_file on
 * cgroup v1 (when present and smaller), else minus inactive_file (cgroup v2; a missing key counts
 * as 0), else usage. Docker 19.03 and older subtracted `cache` instead (moby#40727).
 */
export function memoryUsage(frame: RawStatsFrame): number {
  const mem = frame.memory_stats;
  const usage = mem?.usage ?? 0;
  const stats = mem?.stats ?? {};
  const v1 = stats.total_inactive_file;
  if (v1 !== undefined && v1 < usage) return usage - v1;
  const v2 = stats.inactive_file ?? 0;
  if (v2 < usage) return usage - v2;
  return usage;
}

export function memoryPercent(used: number, limit: number): number {
  return limit !== 0 ? (used / limit) * 100 : 0;
}

/** Received and sent bytes summed over every interface. */
export function networkTotals(frame: RawStatsFrame): { rx: number; tx: number } {
  let rx = 0;
  let tx = 0;
  for (const n of Object.values(frame.networks ?? {})) {
    rx += n.rx_bytes ?? 0;
    tx += n.tx_bytes ?? 0;
  }
  return { rx, tx };
}

/** Read and written bytes from io_service_bytes_recursive; the op's first letter decides which. */
export function blockIoTotals(frame: RawStatsFrame): { read: number; write: number } {
  let read = 0;
  let write = 0;
  for (const e of frame.blkio_stats?.io_service_bytes_recursive ?? []) {
    const c = e.op?.[0];
    if (c === 'r' || c === 'R') read += e.value ?? 0;
    else if (c === 'w' || c === 'W') write += e.value ?? 0;
  }
  return { read, write };
}

/** Bytes per second between two totals; 0 when time did not advance or a counter went back (restart). */
function rate(cur: number, prev: number, seconds: number): number {
  if (seconds <= 0 || cur < prev) return 0;
  return (cur - prev) / seconds;
}

/** Turns one frame (and the sample before it, for rates) into what the UI shows. */
export function toSample(frame: RawStatsFrame, previous?: StatsSample): StatsSample {
  const running = frame.read !== undefined && frame.read !== ZERO_TIME;
  const parsed = running ? Date.parse(frame.read as string) : NaN;
  const at = Number.isFinite(parsed) ? parsed : Date.now();
  const memUsage = memoryUsage(frame);
  const memLimit = frame.memory_stats?.limit ?? 0;
  const net = networkTotals(frame);
  const blk = blockIoTotals(frame);
  const seconds = previous && previous.running && running ? (at - previous.at) / 1000 : 0;
  return {
    at,
    running,
    cpuPercent: cpuPercent(frame),
    onlineCpus: onlineCpus(frame),
    memUsage,
    memLimit,
    memPercent: memoryPercent(memUsage, memLimit),
    netRx: net.rx,
    netTx: net.tx,
    blkRead: blk.read,
    blkWrite: blk.write,
    netRxRate: previous ? rate(net.rx, previous.netRx, seconds) : 0,
    netTxRate: previous ? rate(net.tx, previous.netTx, seconds) : 0,
    blkReadRate: previous ? rate(blk.read, previous.blkRead, seconds) : 0,
    blkWriteRate: previous ? rate(blk.write, previous.blkWrite, seconds) : 0,
    pids: frame.pids_stats?.current ?? 0,
  };
}
