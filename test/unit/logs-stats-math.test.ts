import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NdjsonObjects } from '../../src/main/engine/ndjson';
import {
  blockIoTotals,
  cpuPercent,
  memoryUsage,
  networkTotals,
  onlineCpus,
  toSample,
  type RawStatsFrame,
} from '../../src/main/services/stats/stats-math';

/** Frames captured from the lab's engine (Docker 20.10, cgroup v1) with stream=true. */
function frames(name: string): RawStatsFrame[] {
  const text = readFileSync(path.join(import.meta.dirname, 'fixtures', `logs-stats-${name}.ndjson`), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as RawStatsFrame);
}

const idle = frames('idle');
const busy = frames('busy');

describe('stats formulas (as docker/cli stats_helpers.go)', () => {
  it('gives 0 % CPU for an idle container (no CPU time between the readings)', () => {
    expect(cpuPercent(idle[1] as RawStatsFrame)).toBe(0);
    expect(cpuPercent(idle[2] as RawStatsFrame)).toBe(0);
  });

  it('computes CPU % of a busy container from the deltas and online_cpus', () => {
    const f = busy[3] as RawStatsFrame;
    // (839129810 / 2040000000) × 2 CPUs × 100
    expect(cpuPercent(f)).toBeCloseTo((839129810 / 2040000000) * 2 * 100, 10);
    expect(cpuPercent(f)).toBeCloseTo(82.267, 2);
    expect(onlineCpus(f)).toBe(2);
  });

  it('falls back to the per-CPU array length when online_cpus is 0 or missing', () => {
    const f = structuredClone(busy[3]) as RawStatsFrame;
    delete f.cpu_stats?.online_cpus;
    if (f.cpu_stats?.cpu_usage) f.cpu_stats.cpu_usage.percpu_usage = [1, 2, 3, 4];
    expect(onlineCpus(f)).toBe(4);
    expect(cpuPercent(f)).toBeCloseTo((839129810 / 2040000000) * 4 * 100, 10);
  });

  it('returns 0 when either delta is not positive', () => {
    const f: RawStatsFrame = {
      cpu_stats: { cpu_usage: { total_usage: 10 }, system_cpu_usage: 100, online_cpus: 2 },
      precpu_stats: { cpu_usage: { total_usage: 20 }, system_cpu_usage: 50 },
    };
    expect(cpuPercent(f)).toBe(0);
    f.precpu_stats = { cpu_usage: { total_usage: 5 }, system_cpu_usage: 100 };
    expect(cpuPercent(f)).toBe(0);
  });

  it('subtracts total_inactive_file on cgroup v1 (real frame: matches `docker stats` 1.031MiB)', () => {
    const f = busy[3] as RawStatsFrame;
    expect(memoryUsage(f)).toBe(21004288 - 19922944);
    expect(memoryUsage(f) / 1024 / 1024).toBeCloseTo(1.031, 3);
  });

  it('subtracts inactive_file on cgroup v2, and uses usage when the value is not smaller', () => {
    const v2: RawStatsFrame = {
      memory_stats: { usage: 50_000_000, limit: 100_000_000, stats: { inactive_file: 8_000_000, file: 9 } },
    };
    expect(memoryUsage(v2)).toBe(42_000_000);
    const big: RawStatsFrame = { memory_stats: { usage: 1000, stats: { inactive_file: 5000 } } };
    expect(memoryUsage(big)).toBe(1000);
    // v1 key present but not smaller: falls through to inactive_file, as the CLI does.
    const odd: RawStatsFrame = {
      memory_stats: { usage: 1000, stats: { total_inactive_file: 2000, inactive_file: 100 } },
    };
    expect(memoryUsage(odd)).toBe(900);
    expect(memoryUsage({})).toBe(0);
  });

  it('sums network over interfaces and block IO by the first letter of op', () => {
    const f: RawStatsFrame = {
      networks: { eth0: { rx_bytes: 100, tx_bytes: 10 }, eth1: { rx_bytes: 5, tx_bytes: 1 } },
      blkio_stats: {
        io_service_bytes_recursive: [
          { op: 'Read', value: 4096 },
          { op: 'Write', value: 8192 },
          { op: 'read', value: 1 },
          { op: 'write', value: 2 },
          { op: 'Sync', value: 999 },
          { op: 'Total', value: 12288 },
          { op: '', value: 5 },
        ],
      },
    };
    expect(networkTotals(f)).toEqual({ rx: 105, tx: 11 });
    expect(blockIoTotals(f)).toEqual({ read: 4097, write: 8194 });
    expect(blockIoTotals({ blkio_stats: { io_service_bytes_recursive: null } })).toEqual({
      read: 0,
      write: 0,
    });
  });

  it('builds samples with rates from consecutive frames', () => {
    const a = toSample(idle[0] as RawStatsFrame);
    const b = toSample(idle[1] as RawStatsFrame, a);
    expect(b.running).toBe(true);
    expect(b.at).toBe(Date.parse('2026-11-27T22:50:08.676664009Z'));
    expect(b.netRx).toBe(646);
    const seconds = (b.at - a.at) / 1000;
    expect(b.netRxRate).toBeCloseTo((646 - 486) / seconds, 6);
    expect(b.netTxRate).toBe(0);
    expect(b.pids).toBe(1);
    expect(b.memLimit).toBe(25276026880);
    expect(b.memPercent).toBeCloseTo((442368 / 25276026880) * 100, 10);
  });

  it('marks the zero-time frames of a stopped container as not running', () => {
    const s = toSample({ read: '0001-01-01T00:00:00Z', memory_stats: {} });
    expect(s.running).toBe(false);
    expect(s.cpuPercent).toBe(0);
    expect(s.memUsage).toBe(0);
  });
});

describe('NdjsonObjects', () => {
  it('splits objects across and within chunks', () => {
    const text = '{"a":1}\n{"a":2}\n{"a":3}\n';
    const bytes = new TextEncoder().encode(text);
    for (let cut = 1; cut < bytes.length; cut++) {
      const j = new NdjsonObjects<{ a: number }>();
      const out = [...j.push(bytes.subarray(0, cut)), ...j.push(bytes.subarray(cut))];
      expect(out.map((o) => o.a)).toEqual([1, 2, 3]);
    }
  });
});
