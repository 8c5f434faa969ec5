import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostChartsEvent } from '@shared/contract';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { eventually, startFleetBackend, type FleetBackend } from './support/fleet';

let lab: Lab;
let be: FleetBackend;
const name = uniqueName('berthmaster-test-chart');

beforeAll(async () => {
  lab = loadLab();
  be = await startFleetBackend();
}, 60_000);

afterAll(async () => {
  await docker(lab.engineA.socketPath, 'rm', '-f', name).catch(() => undefined);
  await be?.stop();
});

describe('host charts', () => {
  it('a watched host gets points of its containers’ CPU and memory, and a busy container tops the list', async () => {
    const id = await docker(
      lab.engineA.socketPath,
      'run',
      '-d',
      '--name',
      name,
      '--label',
      'berthmaster.test=1',
      '--cpus',
      '0.3',
      lab.image,
      'sh',
      '-c',
      'while true; do :; done',
    );
    const events: HostChartsEvent[] = [];
    const sub = be.api.hostCharts.watch(
      { hostIds: [be.localId] },
      { onEvent: (e) => events.push(e), onEnd: () => undefined },
    );
    try {
      const point = await eventually(
        () => events.find((e) => e.type === 'point' && e.topCpu.some((t) => t.id === id)),
        (e) => e !== undefined,
        'a point with the busy container',
      );
      expect(events[0]?.type).toBe('snapshot');
      if (point?.type !== 'point') throw new Error('not a point');
      expect(point.hostId).toBe(be.localId);
      expect(point.point.cpuPercent).toBeGreaterThan(0);
      expect(point.point.memUsage).toBeGreaterThan(0);
      expect(point.point.containers).toBeGreaterThanOrEqual(1);
      expect(point.topCpu.find((t) => t.id === id)?.name).toBe(name);
      expect(point.topMem.length).toBeGreaterThanOrEqual(1);
    } finally {
      sub.close();
    }
    // A second watcher gets the hour kept so far in its snapshot.
    const again: HostChartsEvent[] = [];
    const sub2 = be.api.hostCharts.watch(
      { hostIds: [be.localId] },
      { onEvent: (e) => again.push(e), onEnd: () => undefined },
    );
    try {
      const snap = await eventually(
        () => again[0],
        (e) => e !== undefined,
        'the snapshot',
      );
      expect(snap?.type === 'snapshot' && snap.hosts[0]?.points.length).toBeGreaterThanOrEqual(1);
    } finally {
      sub2.close();
    }
  }, 60_000);
});
