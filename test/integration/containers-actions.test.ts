import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '@shared/contract';
import { startContainersHarness, type ContainersHarness, type Engine } from './containers-harness';

let h: ContainersHarness;

beforeAll(async () => {
  h = await startContainersHarness();
});

afterAll(async () => {
  await h?.cleanup();
});

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a rejection');
}

/** `docker run -d` (or `create`) of the test image with this run's labels. */
async function make(
  e: Engine,
  name: string,
  opts: { running?: boolean; labels?: string[]; cmd?: string[] } = {},
) {
  const labels = ['berthmaster.test=1', h.runLabel, ...(opts.labels ?? [])].flatMap((l) => ['--label', l]);
  const cmd = opts.cmd ?? ['sleep', '600'];
  if (opts.running === false) await h.cli(e, 'create', '--name', name, ...labels, h.lab.image, ...cmd);
  else await h.cli(e, 'run', '-d', '--stop-timeout', '1', '--name', name, ...labels, h.lab.image, ...cmd);
  return (await h.cli(e, 'inspect', '-f', '{{.Id}}', name)).trim();
}

const status = (e: Engine, name: string) => h.cli(e, 'inspect', '-f', '{{.State.Status}}', name);

describe.each([0, 1])('actions on engine %i', (index) => {
  const engine = () => h.engines[index] as Engine;

  it('bulk stop, kill and remove report each container; one failure hides none of the others', async () => {
    const e = engine();
    const [a, b, c] = [h.name('bulk-a'), h.name('bulk-b'), h.name('bulk-c')];
    const ids = [await make(e, a), await make(e, b), await make(e, c, { running: false })];

    // Kill: the created (never started) container is not running, the engine refuses it alone.
    const killed = await h.api.containers.bulk({ hostId: e.hostId, action: 'kill', ids, signal: 'SIGKILL' });
    expect(killed.map((r) => r.ok)).toEqual([true, true, false]);
    expect(killed[2]?.error?.code).toBe('CONFLICT');
    expect(killed[2]?.error?.message).toMatch(/is not running/);
    expect(await status(e, a)).toBe('exited');
    expect(await status(e, b)).toBe('exited');

    // Start all three, then stop them plus one that does not exist.
    const started = await h.api.containers.bulk({ hostId: e.hostId, action: 'start', ids });
    expect(started.every((r) => r.ok)).toBe(true);
    const stopped = await h.api.containers.bulk({
      hostId: e.hostId,
      action: 'stop',
      ids: [...ids, 'berthmaster-no-such-container'],
      timeoutSec: 1,
    });
    expect(stopped.map((r) => [r.id, r.ok])).toEqual([
      [ids[0], true],
      [ids[1], true],
      [ids[2], true],
      ['berthmaster-no-such-container', false],
    ]);
    expect(stopped[3]?.error?.code).toBe('NOT_FOUND');
    for (const n of [a, b, c]) expect(await status(e, n)).toBe('exited');

    // Remove without force: the running one is refused, the stopped ones go.
    await h.cli(e, 'start', b);
    const removed = await h.api.containers.bulk({ hostId: e.hostId, action: 'remove', ids });
    expect(removed.map((r) => r.ok)).toEqual([true, false, true]);
    expect(removed[1]?.error?.code).toBe('CONFLICT');
    expect(removed[1]?.error?.message).toMatch(/running container/i);
    await expect(h.cli(e, 'inspect', a)).rejects.toThrow();
    expect(await status(e, b)).toBe('running');
    await expect(h.cli(e, 'inspect', c)).rejects.toThrow();
  }, 60_000);

  it('lists just the containers of the given full ids, those still there (a refresh after events)', async () => {
    const e = engine();
    const [a, b] = [h.name('ids-a'), h.name('ids-b')];
    const idA = await make(e, a, { running: false });
    const idB = await make(e, b, { running: false });
    const both = await h.api.containers.list({ hostId: e.hostId, all: true, ids: [idA, idB] });
    expect(both.map((c) => c.name).sort()).toEqual([a, b].sort());
    await h.cli(e, 'rm', b);
    const left = await h.api.containers.list({ hostId: e.hostId, all: true, ids: [idA, idB] });
    expect(left.map((c) => c.id)).toEqual([idA]);
    const refused = await rejection(h.api.containers.list({ hostId: e.hostId, all: true, ids: [a] }));
    expect(refused.code).toBe('INVALID_INPUT');
    await h.cli(e, 'rm', a);
  });

  it('pause, unpause, kill with a signal, rename and remove with its anonymous volumes', async () => {
    const e = engine();
    const name = h.name('life');
    await make(e, name, {
      cmd: ['sh', '-c', 'trap "echo got-usr1; exit 7" USR1; while true; do sleep 1; done'],
    });
    const api = h.api.containers;
    await api.pause({ hostId: e.hostId, id: name });
    expect(await status(e, name)).toBe('paused');
    await api.pause({ hostId: e.hostId, id: name }); // already paused: still fine
    await api.unpause({ hostId: e.hostId, id: name });
    expect(await status(e, name)).toBe('running');

    await api.kill({ hostId: e.hostId, id: name, signal: 'SIGUSR1' });
    await expect.poll(() => status(e, name), { timeout: 10_000 }).toBe('exited');
    expect(await h.cli(e, 'inspect', '-f', '{{.State.ExitCode}}', name)).toBe('7');
    const bad = await rejection(api.kill({ hostId: e.hostId, id: name, signal: 'SIGFOO' as 'SIGKILL' }));
    expect(bad.code).toBe('INVALID_INPUT');

    const renamed = h.name('renamed');
    await api.rename({ hostId: e.hostId, id: name, name: renamed });
    expect(await status(e, renamed)).toBe('exited');
    const badName = await rejection(api.rename({ hostId: e.hostId, id: renamed, name: '-bad name' }));
    expect(badName.code).toBe('INVALID_INPUT');

    // An anonymous volume goes with the container when asked.
    const withVol = h.name('anon');
    await h.cli(
      e,
      'create',
      '--name',
      withVol,
      '--label',
      'berthmaster.test=1',
      '--label',
      h.runLabel,
      '-v',
      '/scratch',
      h.lab.image,
    );
    const volume = await h.cli(e, 'inspect', '-f', '{{range .Mounts}}{{.Name}}{{end}}', withVol);
    expect(volume).toMatch(/^[a-f0-9]{64}$/);
    await api.remove({ hostId: e.hostId, id: withVol, force: false, volumes: true });
    await expect(h.cli(e, 'volume', 'inspect', volume)).rejects.toThrow();
    await api.remove({ hostId: e.hostId, id: renamed, force: false, volumes: false });
  }, 60_000);

  it('stop with a timeout, restart, and the details of a container (inspect, top)', async () => {
    const e = engine();
    const name = h.name('detail');
    await h.cli(
      e,
      'run',
      '-d',
      '--name',
      name,
      '--label',
      'berthmaster.test=1',
      '--label',
      h.runLabel,
      '-e',
      'DB_PASSWORD=hunter2',
      '-p',
      '127.0.0.1::80',
      '--memory',
      '32m',
      '--health-cmd',
      'true',
      '--health-interval',
      '1s',
      h.lab.image,
      'sleep',
      '600',
    );
    const api = h.api.containers;
    const view = await api.inspect({ hostId: e.hostId, id: name });
    expect(view.name).toBe(name);
    expect(view.state.running).toBe(true);
    expect(view.env).toContainEqual({ key: 'DB_PASSWORD', value: 'hunter2' });
    expect(view.limits.memory).toBe(32 * 1024 * 1024);
    expect(view.ports[0]).toMatchObject({ containerPort: 80, protocol: 'tcp' });
    expect(view.ports[0]?.bindings[0]?.hostIp).toBe('127.0.0.1');
    expect(view.networks[0]?.name).toBe('bridge');
    expect(view.networks[0]?.ipAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect((view.raw as { Id?: string }).Id).toBe(view.id);
    await expect
      .poll(async () => (await api.inspect({ hostId: e.hostId, id: name })).health?.log.length ?? 0, {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    const list = await api.list({ hostId: e.hostId, all: true });
    await expect
      .poll(
        async () => (await api.list({ hostId: e.hostId, all: true })).find((c) => c.name === name)?.health,
        {
          timeout: 15_000,
        },
      )
      .toBe('healthy');
    expect(list.find((c) => c.name === name)?.labels['berthmaster.test']).toBe('1');

    const top = await api.top({ hostId: e.hostId, id: name });
    expect(top.titles).toContain('PID');
    expect(top.processes.some((p) => p.join(' ').includes('sleep 600'))).toBe(true);

    const t0 = Date.now();
    await api.stop({ hostId: e.hostId, id: name, timeoutSec: 1 });
    // `sleep` ignores SIGTERM: the engine waited the 1 s we asked for (not its default 10 s), then killed it.
    expect(Date.now() - t0).toBeLessThan(8_000);
    expect(await status(e, name)).toBe('exited');
    await api.restart({ hostId: e.hostId, id: name, timeoutSec: 1 });
    expect(await status(e, name)).toBe('running');
    await api.remove({ hostId: e.hostId, id: name, force: true, volumes: false });
  }, 60_000);

  it('prune removes only stopped containers with the label, and says what it reclaimed', async () => {
    const e = engine();
    // ONLY ever prune with a label unique to this test.
    const pruneLabel = `berthmaster.test.prune=${h.name('prune')}`;
    const gone1 = h.name('prune-x1');
    const gone2 = h.name('prune-x2');
    const running = h.name('prune-run');
    const unlabelled = h.name('prune-other');
    // Each writes 256 KiB into its writable layer, so there is space to reclaim.
    const writer = ['sh', '-c', 'dd if=/dev/zero of=/blob bs=1024 count=256'];
    const id1 = await make(e, gone1, { labels: [pruneLabel], cmd: writer });
    const id2 = await make(e, gone2, { labels: [pruneLabel], cmd: writer });
    await make(e, running, { labels: [pruneLabel] });
    await make(e, unlabelled, { cmd: writer });
    await h.cli(e, 'wait', gone1, gone2, unlabelled);

    const preview = await h.api.containers.prunePreview({ hostId: e.hostId, labels: [pruneLabel] });
    expect(preview.candidates.map((c) => c.name).sort()).toEqual([gone1, gone2].sort());
    expect(preview.estimatedBytes).toBeGreaterThanOrEqual(2 * 256 * 1024);

    const result = await h.api.containers.prune({ hostId: e.hostId, labels: [pruneLabel] });
    expect(result.deleted.sort()).toEqual([id1, id2].sort());
    expect(result.spaceReclaimed).toBeGreaterThanOrEqual(2 * 256 * 1024);
    expect(await status(e, running)).toBe('running');
    expect(await status(e, unlabelled)).toBe('exited');
    await expect(h.cli(e, 'inspect', gone1)).rejects.toThrow();

    const badFilter = await rejection(h.api.containers.prune({ hostId: e.hostId, labels: ['has space'] }));
    expect(badFilter.code).toBe('INVALID_INPUT');
  }, 60_000);
});
