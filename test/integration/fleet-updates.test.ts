import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { deleteFromRegistry } from './support/images-backend';
import {
  buildImage,
  forwardRegistryToEngineB,
  startFleetBackend,
  waitForTask,
  type FleetBackend,
} from './support/fleet';

let lab: Lab;
let be: FleetBackend;
let hostB: string;
let stopForwarder: (() => Promise<void>) | undefined;
const repo = uniqueName('berthmaster-test-fleet');
const name = uniqueName('berthmaster-test-upd');
let ref = '';
const ids: Record<string, string> = {};

const dockerfile = (version: string, cmd: string) =>
  `FROM ${lab.image}\nLABEL berthmaster.test=1 version=${version}\nCMD ${cmd}\n`;

async function pushFromA(): Promise<void> {
  const { taskId } = await be.api.images.push({ hostId: be.localId, reference: ref });
  expect(await waitForTask(be.api, taskId)).toMatchObject({ state: 'succeeded' });
}

beforeAll(async () => {
  lab = loadLab();
  ref = `${lab.registry.address}/${repo}:app`;
  be = await startFleetBackend();
  hostB = await be.addEngineB(lab);
  stopForwarder = await forwardRegistryToEngineB(lab);
  const login = await be.api.registries.add({
    address: lab.registry.address,
    username: lab.registry.username,
    secret: lab.registry.password,
  });
  await be.api.registries.allowHost({ id: login.id, hostId: hostB, allowed: true });
  // v1, pushed, pulled on B, running on both engines.
  ids.v1 = await buildImage(lab.engineA.socketPath, ref, dockerfile('1', '["sleep", "3600"]'));
  await pushFromA();
  const { taskId } = await be.api.images.pull({ hostId: hostB, reference: ref });
  expect(await waitForTask(be.api, taskId)).toMatchObject({ state: 'succeeded' });
  for (const socket of [lab.engineA.socketPath, lab.engineB.socketPath]) {
    await docker(
      socket,
      'run',
      '-d',
      '--name',
      name,
      '--label',
      'berthmaster.test=1',
      '-e',
      'FLEET=kept',
      '--restart',
      'unless-stopped',
      ref,
    );
  }
}, 180_000);

afterAll(async () => {
  for (const socket of [lab.engineA.socketPath, lab.engineB.socketPath]) {
    await docker(socket, 'rm', '-f', name).catch(() => undefined);
    const images = await docker(socket, 'images', '-q', `${lab.registry.address}/${repo}`).catch(() => '');
    for (const id of new Set([...images.split('\n').filter(Boolean), ...Object.values(ids)]))
      await docker(socket, 'rmi', '-f', id).catch(() => undefined);
  }
  await deleteFromRegistry(lab, repo, 'app').catch(() => undefined);
  await stopForwarder?.();
  await be?.stop();
}, 60_000);

const statusOn = (snap: Awaited<ReturnType<FleetBackend['api']['updates']['status']>>, hostId: string) =>
  snap.containers.find((c) => c.hostId === hostId && c.name === name);

describe('updates across hosts', () => {
  it('both containers are up to date while the registry has v1', async () => {
    const snap = await be.api.updates.check({ hostIds: [be.localId, hostB], force: true });
    expect(statusOn(snap, be.localId)?.state).toBe('up-to-date');
    expect(statusOn(snap, hostB)?.state).toBe('up-to-date');
    // The lab's imported busybox was never in a registry: local-only, not an error.
    const local = snap.containers.find((c) => c.image === lab.image);
    if (local) expect(local.state).toBe('local-only');
  });

  it('after v2 is pushed under the same tag, both show an update within one check (one call per image and host)', async () => {
    ids.v2 = await buildImage(lab.engineA.socketPath, ref, dockerfile('2', '["sleep", "3600"]'));
    await pushFromA();
    // Engine A's tag goes back to v1, as if v2 had been pushed from elsewhere.
    await docker(lab.engineA.socketPath, 'tag', ids.v1 as string, ref);
    const snap = await be.api.updates.check({ hostIds: [be.localId, hostB], force: true });
    const a = statusOn(snap, be.localId);
    const b = statusOn(snap, hostB);
    expect(a?.state).toBe('update-available');
    expect(b?.state).toBe('update-available');
    expect(a?.remoteDigest).toMatch(/^sha256:/);
    expect(a?.remoteDigest).toBe(b?.remoteDigest);
    expect(a?.localDigest).not.toBe(a?.remoteDigest);
    expect(snap.hosts.find((h) => h.hostId === hostB)?.totals['update-available']).toBeGreaterThanOrEqual(1);
    expect(snap.totals['update-available']).toBeGreaterThanOrEqual(2);
    // Only this repository has a registry digest on these hosts' test containers; other images of
    // other tests may be running too, so count at least the two calls for it, at most one per image.
    const distinct = new Set(
      snap.containers
        .filter((c) => c.remoteDigest || c.state === 'unknown')
        .map((c) => `${c.hostId}|${c.image}`),
    );
    expect(snap.lastCheckCalls).toBe(distinct.size);
    // A second, unforced check is answered from the cache: no registry call.
    expect((await be.api.updates.check({ hostIds: [be.localId, hostB] })).lastCheckCalls).toBe(0);
  });

  it('updating one container runs v2 with the same configuration', async () => {
    const before = JSON.parse(await docker(lab.engineA.socketPath, 'inspect', name))[0];
    const plan = await be.api.updates.preflight({
      target: { kind: 'containers', items: [{ hostId: be.localId, id: name }] },
    });
    expect(plan[0]).toMatchObject({ canUpdate: true, canRollBack: true, currentImageId: ids.v1 });
    const res = await be.api.updates.apply({
      target: { kind: 'containers', items: [{ hostId: be.localId, id: name }] },
    });
    expect(res.refused).toEqual([]);
    const task = await waitForTask(be.api, res.started[0]?.taskId as string);
    expect(task.state).toBe('succeeded');
    expect(task.kind).toBe('update');
    expect(task.result).toMatchObject({ previousImageId: ids.v1, imageId: ids.v2 });
    const after = JSON.parse(await docker(lab.engineA.socketPath, 'inspect', name))[0];
    expect(after.Image).toBe(ids.v2);
    expect(after.State.Running).toBe(true);
    expect(after.Config.Env).toContain('FLEET=kept');
    expect(after.Config.Labels['berthmaster.test']).toBe('1');
    expect(after.HostConfig.RestartPolicy.Name).toBe('unless-stopped');
    expect(after.Config.Image).toBe(before.Config.Image);
    // The audit log keeps the outcome with the old image id.
    const audit = await be.api.audit.list({});
    const entry = audit.find((e) => e.action === 'updates.container' && e.target.includes(name));
    expect(entry?.outcome).toBe('ok');
    expect(entry?.target).toContain((ids.v1 as string).slice(7, 19));
    // No rollback tag is left behind.
    expect(
      await docker(
        lab.engineA.socketPath,
        'images',
        '--format',
        '{{.Tag}}',
        `${lab.registry.address}/${repo}`,
      ),
    ).not.toMatch(/rollback/);
    const snap = await be.api.updates.check({ hostIds: [be.localId], force: true });
    expect(statusOn(snap, be.localId)?.state).toBe('up-to-date');
  }, 120_000);

  it('a v3 that exits at once is rolled back to v2, and the task says why', async () => {
    ids.v3 = await buildImage(lab.engineA.socketPath, ref, dockerfile('3', '["sh", "-c", "exit 3"]'));
    await pushFromA();
    await docker(lab.engineA.socketPath, 'tag', ids.v2 as string, ref);
    const res = await be.api.updates.apply({
      target: { kind: 'containers', items: [{ hostId: be.localId, id: name }] },
    });
    const task = await waitForTask(be.api, res.started[0]?.taskId as string);
    expect(task.state).toBe('failed');
    expect(task.error?.message).toMatch(/Rolled back/);
    expect(task.result).toMatchObject({ previousImageId: ids.v2, imageId: ids.v3, rolledBack: true });
    expect(task.error?.message).toMatch(/Rolled back/);
    expect(task.error?.message).toMatch(/exit code 3/);
    const after = JSON.parse(await docker(lab.engineA.socketPath, 'inspect', name))[0];
    expect(after.Image).toBe(ids.v2);
    expect(after.State.Running).toBe(true);
    expect(after.Config.Env).toContain('FLEET=kept');
    const audit = await be.api.audit.list({});
    expect(
      audit.filter((e) => e.action === 'updates.container' && e.outcome === 'error').at(-1)?.error,
    ).toMatch(/Rolled back/);
  }, 120_000);

  it('a container pinned to an image id is marked pinned and refused before anything changes', async () => {
    const pinned = uniqueName('berthmaster-test-pinned');
    await docker(
      lab.engineB.socketPath,
      'run',
      '-d',
      '--name',
      pinned,
      '--label',
      'berthmaster.test=1',
      ids.v1 as string,
      'sleep',
      '3600',
    );
    try {
      const snap = await be.api.updates.check({ hostIds: [hostB] });
      const st = snap.containers.find((c) => c.hostId === hostB && c.name === pinned);
      expect(st?.state).toBe('pinned');
      expect(st?.error?.message).toMatch(/image id/);
      const res = await be.api.updates.apply({
        target: { kind: 'containers', items: [{ hostId: hostB, id: pinned }] },
      });
      expect(res.started).toEqual([]);
      expect(res.refused[0]).toMatchObject({ canUpdate: false, canRollBack: false });
      expect(res.refused[0]?.reason).toMatch(/image id/);
    } finally {
      await docker(lab.engineB.socketPath, 'rm', '-f', pinned).catch(() => undefined);
    }
  });

  it('a container with settings the run spec does not carry is refused, not changed behind the user', async () => {
    const capped = uniqueName('berthmaster-test-capped');
    await docker(
      lab.engineB.socketPath,
      'run',
      '-d',
      '--name',
      capped,
      '--label',
      'berthmaster.test=1',
      '--cap-add',
      'NET_ADMIN',
      ref,
      'sleep',
      '3600',
    );
    try {
      const res = await be.api.updates.apply({
        target: { kind: 'containers', items: [{ hostId: hostB, id: capped }] },
      });
      expect(res.started).toEqual([]);
      expect(res.refused[0]).toMatchObject({ canUpdate: false });
      expect(res.refused[0]?.reason).toMatch(/added capabilities/);
      expect(
        JSON.parse(await docker(lab.engineB.socketPath, 'inspect', capped))[0].HostConfig.CapAdd.join(),
      ).toMatch(/NET_ADMIN/);
    } finally {
      await docker(lab.engineB.socketPath, 'rm', '-f', capped).catch(() => undefined);
    }
  });

  it('a registry that answers 429 is reported as rate-limited and left alone until it said', async () => {
    let hits = 0;
    const limited = http.createServer((req, res) => {
      hits++;
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '120' });
      res.end(
        JSON.stringify({ errors: [{ code: 'TOOMANYREQUESTS', message: 'slow down, retry after 120' }] }),
      );
    });
    await new Promise<void>((resolve) => limited.listen(0, '127.0.0.1', resolve));
    const port = (limited.address() as AddressInfo).port;
    const limitedRef = `127.0.0.1:${port}/${repo}:rl`;
    const rl = uniqueName('berthmaster-test-ratelimited');
    // An image with repo digests (it came from the lab registry), now also named for the limited one.
    await docker(lab.engineA.socketPath, 'tag', ids.v2 as string, limitedRef);
    await docker(
      lab.engineA.socketPath,
      'run',
      '-d',
      '--name',
      rl,
      '--label',
      'berthmaster.test=1',
      limitedRef,
      'sleep',
      '3600',
    );
    try {
      const snap = await be.api.updates.check({ hostIds: [be.localId], force: true });
      const st = snap.containers.find((c) => c.hostId === be.localId && c.name === rl);
      expect(st?.state).toBe('rate-limited');
      expect(st?.retryAt).toBeGreaterThan(Date.now());
      expect(st?.error?.message).toMatch(/limits requests/);
      const asked = hits;
      expect(asked).toBeGreaterThan(0);
      // Forced or not, the registry is not asked again before its time.
      const again = await be.api.updates.check({ hostIds: [be.localId], force: true });
      expect(again.containers.find((c) => c.name === rl)?.state).toBe('rate-limited');
      expect(hits).toBe(asked);
      // The other containers of the host were checked as usual.
      expect(again.containers.find((c) => c.name === name)?.state).not.toBe('rate-limited');
    } finally {
      await docker(lab.engineA.socketPath, 'rm', '-f', rl).catch(() => undefined);
      await docker(lab.engineA.socketPath, 'rmi', limitedRef).catch(() => undefined);
      await new Promise<void>((resolve) => limited.close(() => resolve()));
    }
  });
});
