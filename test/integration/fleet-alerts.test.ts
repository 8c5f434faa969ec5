import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, AlertsEvent } from '@shared/contract';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { eventually, startFleetBackend, type FleetBackend } from './support/fleet';

let lab: Lab;
let be: FleetBackend;
const names: string[] = [];
const seen: AlertsEvent[] = [];
let sub: { close(): void } | undefined;

const run = async (label: string, ...args: string[]) => {
  const name = uniqueName(`berthmaster-test-alert-${label}`);
  names.push(name);
  const id = await docker(
    lab.engineA.socketPath,
    'run',
    '-d',
    '--name',
    name,
    '--label',
    'berthmaster.test=1',
    ...args,
  );
  return { name, id };
};

/** The alerts this subscriber was told about as new ('added'), for one container. */
const addedFor = (id: string) =>
  seen.flatMap((e) => (e.type === 'added' && e.alert.containerId === id ? [e.alert] : []));

beforeAll(async () => {
  lab = loadLab();
  be = await startFleetBackend();
  await be.api.fleet.configure({ alerts: { restartCount: 2, restartMinutes: 5 } });
  // The events stream of the host must be open before the containers act.
  await eventually(
    () => be.backend.events.openStreams(),
    (n) => n >= 1,
    'the events stream opens',
  );
  sub = be.api.alerts.watch({}, { onEvent: (e) => seen.push(e), onEnd: () => undefined });
}, 60_000);

afterAll(async () => {
  sub?.close();
  for (const n of names) await docker(lab.engineA.socketPath, 'rm', '-f', n).catch(() => undefined);
  await be?.stop();
});

describe('alerts from engine events', () => {
  it('a non-zero exit, an OOM kill, a failing healthcheck and a restart loop each alert once', async () => {
    const exit = await run('exit', lab.image, 'sh', '-c', 'sleep 1; exit 3');
    const oom = await run(
      'oom',
      '--memory',
      '8m',
      '--memory-swap',
      '8m',
      lab.image,
      'sh',
      '-c',
      'sleep 1; x=aaaaaaaaaaaaaaaa; while true; do x=$x$x; done',
    );
    const unhealthy = await run(
      'health',
      '--health-cmd',
      'exit 1',
      '--health-interval',
      '1s',
      '--health-retries',
      '1',
      lab.image,
      'sleep',
      '3600',
    );
    const loop = await run('loop', '--restart', 'always', lab.image, 'sh', '-c', 'exit 1');
    const stopped = await run('stopped', lab.image, 'sleep', '3600');

    const kinds = (id: string) => addedFor(id).map((a) => a.rule);
    await eventually(
      () => kinds(exit.id),
      (k) => k.includes('exit'),
      'the exit alert',
    );
    await eventually(
      () => kinds(oom.id),
      (k) => k.includes('oom'),
      'the OOM alert',
    );
    await eventually(
      () => kinds(unhealthy.id),
      (k) => k.includes('unhealthy'),
      'the unhealthy alert',
    );
    await eventually(
      () => kinds(loop.id),
      (k) => k.includes('restart-loop'),
      'the restart-loop alert',
    );
    // A stop the user asked for exits non-zero too, and is not an alert.
    await docker(lab.engineA.socketPath, 'stop', '-t', '0', stopped.name);
    // Let the loop go round more and the healthcheck fail more: still one alert each.
    const loopStarts = (await be.api.events.recent({ limit: 1000 })).filter(
      (e) => e.id === loop.id && e.action === 'start',
    ).length;
    await eventually(
      () => be.api.events.recent({ limit: 1000 }),
      (evs) => evs.filter((e) => e.id === loop.id && e.action === 'start').length >= loopStarts + 2,
      'more restarts',
    );
    // A marker container whose exit comes after everything above: once its alert is in, the
    // stop's held die would have been too.
    const marker = await run('marker', lab.image, 'sh', '-c', 'exit 5');
    await eventually(
      () => kinds(marker.id),
      (k) => k.includes('exit'),
      'the marker alert',
    );

    expect(kinds(exit.id)).toEqual(['exit']);
    expect(addedFor(exit.id)[0]?.detail).toMatchObject({ exitCode: 3 });
    expect(kinds(oom.id)).toEqual(['oom']);
    expect(kinds(unhealthy.id)).toEqual(['unhealthy']);
    expect(kinds(loop.id).filter((k) => k === 'restart-loop')).toHaveLength(1);
    expect(kinds(loop.id).filter((k) => k === 'exit')).toHaveLength(1);
    expect(kinds(stopped.id)).toEqual([]);
    // Repeats bump the count of the one alert.
    const list = await be.api.alerts.list({});
    const loopAlert = list.find((a: Alert) => a.containerId === loop.id && a.rule === 'exit');
    expect(loopAlert?.count).toBeGreaterThan(1);
    expect(list.filter((a) => a.containerId === loop.id && a.rule === 'restart-loop')).toHaveLength(1);
  }, 120_000);

  it('acknowledging closes an alert; the same condition later is a new alert; muted rules raise none', async () => {
    const first = await run('ack', lab.image, 'sh', '-c', 'exit 7');
    await eventually(
      () => addedFor(first.id),
      (a) => a.length === 1,
      'the first alert',
    );
    const alert = addedFor(first.id)[0] as Alert;
    await be.api.alerts.acknowledge({ ids: [alert.id] });
    expect((await be.api.alerts.list({})).find((a) => a.id === alert.id)?.acknowledged).toBe(true);
    await docker(lab.engineA.socketPath, 'start', first.name);
    await eventually(
      () => addedFor(first.id),
      (a) => a.length === 2,
      'a second alert after acknowledging',
    );

    await be.api.fleet.configure({ alerts: { mutedRules: ['exit'] } });
    const muted = await run('muted', lab.image, 'sh', '-c', 'exit 9');
    // The marker's OOM comes a second after the muted exit, past the hold of a die (DIE_HOLD_MS).
    const marker = await run(
      'muted-marker',
      '--memory',
      '8m',
      '--memory-swap',
      '8m',
      lab.image,
      'sh',
      '-c',
      'sleep 1; x=aaaaaaaa; while true; do x=$x$x; done',
    );
    await eventually(
      () => addedFor(marker.id),
      (a) => a.length === 1,
      'the marker OOM alert',
    );
    await eventually(
      () => docker(lab.engineA.socketPath, 'inspect', '-f', '{{.State.Status}}', muted.name),
      (s) => s === 'exited',
      'the muted container exits',
    );
    expect(addedFor(muted.id)).toEqual([]);
    await be.api.fleet.configure({ alerts: { mutedRules: [] } });
  }, 120_000);

  it('a disk reading over the threshold alerts once; an unreachable host alerts once', async () => {
    await be.api.fleet.configure({
      alerts: { hosts: { [be.localId]: { diskThresholdBytes: 1, muted: false, mutedRules: [] } } },
    });
    // Readings a view makes anyway feed the rule: no extra polling.
    await be.api.system.diskUsage({ hostId: be.localId });
    await be.api.system.diskUsage({ hostId: be.localId });
    const disk = (await be.api.alerts.list({})).filter((a) => a.rule === 'disk' && a.hostId === be.localId);
    expect(disk).toHaveLength(1);
    expect(disk[0]?.message).toMatch(/uses .* of disk/);
    expect(seen.filter((e) => e.type === 'added' && e.alert.rule === 'disk')).toHaveLength(1);

    const gone = await be.api.hosts.add({
      name: 'nowhere',
      color: '#ef4444',
      endpoint: { kind: 'socket', socketPath: `/tmp/${uniqueName('berthmaster-test-no-engine')}.sock` },
    });
    await eventually(
      () =>
        seen.filter(
          (e) => e.type === 'added' && e.alert.rule === 'host-unreachable' && e.alert.hostId === gone.id,
        ),
      (a) => a.length === 1,
      'the unreachable-host alert',
    );
    await be.api.hosts.reconnect({ id: gone.id });
    await eventually(
      () => be.backend.hosts.snapshot().statuses[gone.id]?.state,
      (s) => s === 'error',
      'the reconnect fails again',
    );
    expect(seen.filter((e) => e.type === 'added' && e.alert.rule === 'host-unreachable')).toHaveLength(1);
    await be.api.hosts.remove({ id: gone.id });
  }, 60_000);
});
