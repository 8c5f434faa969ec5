import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '@shared/contract';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import {
  deleteFromRegistry,
  startImagesBackend,
  taskOutput,
  waitForTask,
  type ImagesBackend,
} from './support/images-backend';

let lab: Lab;
let be: ImagesBackend;
let home: string;
const repo = uniqueName('berthmaster-test');
const ref = () => `${lab.registry.address}/${repo}:v1`;
const made: string[] = [];

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  lab = loadLab();
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-home-'));
  be = await startImagesBackend(home);
});

afterAll(async () => {
  for (const r of made) await docker(lab.engineA.socketPath, 'rmi', '-f', r).catch(() => undefined);
  await deleteFromRegistry(lab, repo, 'v1').catch(() => undefined);
  await be?.stop();
  await fs.rm(home, { recursive: true, force: true });
});

describe('registry logins', () => {
  it('tests a login through the engine: right password succeeds, a wrong one is AUTH_FAILED', async () => {
    const ok = await be.api.registries.testLogin({
      hostId: be.localId,
      address: lab.registry.address,
      username: lab.registry.username,
      secret: lab.registry.password,
    });
    expect(ok.status).toBe('Login Succeeded');
    const bad = await rejection(
      be.api.registries.testLogin({
        hostId: be.localId,
        address: lab.registry.address,
        username: lab.registry.username,
        secret: 'wrong-password',
      }),
    );
    expect(bad.code).toBe('AUTH_FAILED');
    expect(bad.message).toMatch(/refused the username or password/);
  });

  it('stores the secret encrypted (AES-256-GCM, key file 0600) and never returns it', async () => {
    const view = await be.api.registries.add({
      address: lab.registry.address,
      username: lab.registry.username,
      secret: lab.registry.password,
    });
    expect(JSON.stringify(view)).not.toContain(lab.registry.password);
    expect(JSON.stringify(await be.api.registries.list({}))).not.toContain(lab.registry.password);
    const file = await fs.readFile(path.join(be.configDir, 'registries.json'), 'utf8');
    expect(file).not.toContain(lab.registry.password);
    expect(file).toContain('aes256gcm:v1:');
    expect((await fs.stat(path.join(be.configDir, 'secrets.key'))).mode & 0o777).toBe(0o600);
    expect((await fs.stat(path.join(be.configDir, 'registries.json'))).mode & 0o777).toBe(0o600);
    const tested = await be.api.registries.testLogin({ hostId: be.localId, id: view.id });
    expect(tested.status).toBe('Login Succeeded');
    // The stored password is never sent to another address.
    const moved = await rejection(
      be.api.registries.testLogin({ hostId: be.localId, id: view.id, address: '127.0.0.1:5999' }),
    );
    expect(moved.code).toBe('INVALID_INPUT');
    const match = await be.api.registries.match({ reference: ref() });
    expect(match).toMatchObject({ registry: lab.registry.address, login: { id: view.id } });
  });

  it('imports logins from ~/.docker/config.json and names the credential helpers it does not read', async () => {
    await fs.mkdir(path.join(home, '.docker'), { recursive: true });
    await fs.writeFile(
      path.join(home, '.docker', 'config.json'),
      JSON.stringify({
        auths: {
          'imported.example:5000': { auth: Buffer.from('alice:s3cret:with:colons').toString('base64') },
          'https://index.docker.io/v1/': {},
          [lab.registry.address]: {
            auth: Buffer.from(`${lab.registry.username}:${lab.registry.password}`).toString('base64'),
          },
        },
        credsStore: 'desktop',
        credHelpers: { 'gcr.io': 'gcloud' },
      }),
    );
    const result = await be.api.registries.importDockerConfig({});
    expect(result.found).toBe(true);
    expect(result.credsStore).toBe('desktop');
    expect(result.credHelpers).toEqual([{ address: 'gcr.io', helper: 'gcloud' }]);
    expect(result.imported.map((r) => [r.address, r.username])).toEqual([['imported.example:5000', 'alice']]);
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        {
          address: 'https://index.docker.io/v1/',
          reason: expect.stringMatching(/docker-credential-desktop/),
        },
        { address: lab.registry.address, reason: expect.stringMatching(/already stored/) },
      ]),
    );
    const file = await fs.readFile(path.join(be.configDir, 'registries.json'), 'utf8');
    expect(file).not.toContain('s3cret');
    await be.api.registries.remove({ id: result.imported[0]?.id ?? '' });
  });
});

describe('push and pull with the stored login', () => {
  it('refuses a malformed reference before any request', async () => {
    const before = (await be.hosts.client(be.localId)).docker;
    expect(before).toBeDefined();
    for (const bad of ['Upper/Case', 'a b', 'repo:tag:tag', 'repo@sha256:xyz', '../etc/passwd', 'x?y=1']) {
      const err = await rejection(be.api.images.pull({ hostId: be.localId, reference: bad }));
      expect(err.code, bad).toBe('INVALID_INPUT');
    }
  });

  it('pushes with per-layer progress, removes the image, pulls it back and runs it', async () => {
    await be.api.images.tag({ hostId: be.localId, id: lab.image, target: ref() });
    made.push(ref());
    const pushSeen: number[] = [];
    const push = await be.api.images.push({ hostId: be.localId, reference: ref() });
    const pushed = await waitForTask(be.api, push.taskId, (t) => pushSeen.push(t.layers.length));
    expect(pushed.state, JSON.stringify(pushed.error)).toBe('succeeded');
    expect(pushed.result?.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(pushed.layers.length).toBeGreaterThan(0);
    expect(pushed.layers.every((l) => l.done)).toBe(true);
    expect(await taskOutput(be.api, push.taskId)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Using the stored login of berthmaster/)]),
    );

    await be.api.images.untag({ hostId: be.localId, reference: ref() });
    expect(await docker(lab.engineA.socketPath, 'images', '-q', ref())).toBe('');

    const pull = await be.api.images.pull({ hostId: be.localId, reference: ref() });
    const pulled = await waitForTask(be.api, pull.taskId);
    expect(pulled.state, JSON.stringify(pulled.error)).toBe('succeeded');
    expect(pulled.result?.imageId).toMatch(/^sha256:/);
    expect(pulled.progress.fraction).toBe(1);
    const out = await docker(lab.engineA.socketPath, 'run', '--rm', ref(), 'echo', 'pulled-back');
    expect(out).toBe('pulled-back');
  });

  it('tells apart not found, unauthorized and no route to the registry', async () => {
    const missing = await be.api.images.pull({
      hostId: be.localId,
      reference: `${lab.registry.address}/${repo}:nope`,
    });
    const notFound = await waitForTask(be.api, missing.taskId);
    expect(notFound.state).toBe('failed');
    expect(notFound.error?.code).toBe('NOT_FOUND');
    expect(notFound.error?.message).toMatch(/no such image or tag/);

    const [stored] = await be.api.registries.list({});
    await be.api.registries.update({ id: stored?.id ?? '', secret: 'wrong-password' });
    const wrong = await waitForTask(
      be.api,
      (await be.api.images.pull({ hostId: be.localId, reference: ref() })).taskId,
    );
    expect(wrong.error?.code).toBe('AUTH_FAILED');
    expect(wrong.error?.message).toMatch(/refused the username or password/);

    await be.api.registries.remove({ id: stored?.id ?? '' });
    const anonymous = await waitForTask(
      be.api,
      (await be.api.images.pull({ hostId: be.localId, reference: ref() })).taskId,
    );
    expect(anonymous.error?.code).toBe('AUTH_FAILED');
    expect(anonymous.error?.message).toMatch(/needs a login/);

    const nowhere = await waitForTask(
      be.api,
      (await be.api.images.pull({ hostId: be.localId, reference: '127.0.0.1:5999/berthmaster-test/none:1' }))
        .taskId,
    );
    expect(nowhere.error?.code).toBe('ENGINE_ERROR');
    expect(nowhere.error?.data?.kind).toBe('registry-unreachable');
    expect(nowhere.error?.message).toMatch(/no route to the registry \(127\.0\.0\.1:5999\)/);
  });

  it('a push without a login, or of a tag that does not exist, is explained', async () => {
    const anon = await waitForTask(
      be.api,
      (await be.api.images.push({ hostId: be.localId, reference: ref() })).taskId,
    );
    expect(anon.error?.code).toBe('AUTH_FAILED');
    const none = await waitForTask(
      be.api,
      (await be.api.images.push({ hostId: be.localId, reference: `${lab.registry.address}/${repo}:absent` }))
        .taskId,
    );
    expect(none.error?.code).toBe('NOT_FOUND');
    expect(none.error?.message).toMatch(/no local image/);
  });
});
