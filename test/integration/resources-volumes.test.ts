import { extract } from 'tar-stream';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppError } from '@shared/contract';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { rejection, startResourcesRig, type ResourcesRig } from './support/resources-backend';

const ENGINES = [
  { index: 0, name: 'A (socket)' },
  { index: 1, name: 'B (TLS)' },
];

let lab: Lab;
let rig: ResourcesRig;
const made: Array<[string, 'container' | 'volume', string]> = [];

beforeAll(async () => {
  lab = loadLab();
  rig = await startResourcesRig(lab);
});

afterAll(async () => {
  for (const [sock, kind, name] of made.reverse()) {
    if (kind === 'container') await docker(sock, 'rm', '-f', name).catch(() => undefined);
    else await docker(sock, 'volume', 'rm', '-f', name).catch(() => undefined);
  }
  await rig?.close();
});

const engine = (i: number) => rig.engines[i] as ResourcesRig['engines'][number];

async function createVolume(hostId: string, socketPath: string, labels: Record<string, string> = {}) {
  const name = uniqueName('it-vol');
  const created = await rig.api.volumes.create({
    hostId,
    name,
    labels: { 'berthmaster.test': '1', ...labels },
  });
  made.push([socketPath, 'volume', name]);
  expect(created.name).toBe(name);
  return name;
}

/** Writes into the volume through a throw-away container, as a user's workload would. */
async function writeInto(socketPath: string, volume: string, script: string) {
  await docker(
    socketPath,
    'run',
    '--rm',
    '--label',
    'berthmaster.test=1',
    '-v',
    `${volume}:/data`,
    lab.image,
    'sh',
    '-c',
    script,
  );
}

/** Containers (any state) that mount the volume: the helper must not be among them afterwards. */
async function containersUsing(socketPath: string, volume: string): Promise<string> {
  return docker(socketPath, 'ps', '-a', '-q', '--filter', `volume=${volume}`);
}

function download(hostId: string, name: string, path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    rig.api.volumes.download(
      { hostId, name, path },
      {
        onEvent: (e) => chunks.push(e.bytes),
        onEnd: (err?: AppError) => (err ? reject(err) : resolve(Buffer.concat(chunks))),
      },
    );
  });
}

async function untar(tar: Buffer): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const ex = extract();
  const done = new Promise<void>((resolve, reject) => {
    ex.on('entry', (header, body, next) => {
      const parts: Buffer[] = [];
      body.on('data', (d: unknown) => parts.push(Buffer.from(d as Uint8Array)));
      body.on('end', () => {
        if (header.type === 'file') files[header.name] = Buffer.concat(parts).toString('utf8');
        next();
      });
    });
    ex.on('finish', () => resolve());
    ex.on('error', reject);
  });
  Readable.from([tar]).pipe(ex as unknown as NodeJS.WritableStream);
  await done;
  return files;
}

describe.each(ENGINES)('volumes on engine $name', ({ index }) => {
  it('creates, browses and downloads files written by a container; the helper is gone after', async () => {
    const { hostId, socketPath } = engine(index);
    const name = await createVolume(hostId, socketPath);
    await writeInto(socketPath, name, 'echo hi > /data/f && mkdir /data/sub && echo deep > /data/sub/g');

    const listed = (await rig.api.volumes.list({ hostId })).find((v) => v.name === name);
    expect(listed).toMatchObject({
      driver: 'local',
      labels: { 'berthmaster.test': '1' },
      usedBy: [],
      refCount: 0,
    });
    expect(listed?.mountpoint).toContain(name);

    const root = await rig.api.volumes.browse({ hostId, name, path: '/' });
    expect(root.entries.map((e) => [e.name, e.type, e.size])).toEqual([
      ['sub', 'directory', 5],
      ['f', 'file', 3],
    ]);
    const sub = await rig.api.volumes.browse({ hostId, name, path: '/sub' });
    expect(sub.entries.map((e) => e.name)).toEqual(['g']);
    expect(await containersUsing(socketPath, name)).toBe('');

    expect(await untar(await download(hostId, name, '/f'))).toEqual({ f: 'hi\n' });
    expect(await untar(await download(hostId, name, '/sub'))).toEqual({ 'sub/g': 'deep\n' });
    await vi.waitFor(async () => expect(await containersUsing(socketPath, name)).toBe(''));
    expect(
      await docker(socketPath, 'ps', '-a', '-q', '--filter', 'label=berthmaster.helper=volume-browse'),
    ).toBe('');

    const inspect = await rig.api.volumes.inspect({ hostId, name });
    expect(inspect).toMatchObject({ Name: name, Driver: 'local' });
  });
});

describe('volumes: refusals, abandoned downloads and prune', () => {
  it('removes the helper when the subscriber leaves mid-download', async () => {
    const { hostId, socketPath } = engine(1);
    const name = await createVolume(hostId, socketPath);
    await writeInto(socketPath, name, 'dd if=/dev/zero of=/data/big bs=1M count=8 2>/dev/null');
    let received = 0;
    await new Promise<void>((resolve, reject) => {
      const sub = rig.api.volumes.download(
        { hostId, name, path: '/' },
        {
          onEvent: (e) => {
            received += e.bytes.length;
            sub.close();
            resolve();
          },
          onEnd: (err) => reject(err ?? new Error('ended before the first chunk')),
        },
      );
    });
    expect(received).toBeGreaterThan(0);
    await vi.waitFor(async () => expect(await containersUsing(socketPath, name)).toBe(''), {
      timeout: 15_000,
    });
  });

  it('refuses to remove a volume in use, naming the container', async () => {
    const { hostId, socketPath } = engine(0);
    const name = await createVolume(hostId, socketPath);
    const user = uniqueName('it-vol-user');
    await docker(
      socketPath,
      'create',
      '--label',
      'berthmaster.test=1',
      '--name',
      user,
      '-v',
      `${name}:/data`,
      lab.image,
    );
    made.push([socketPath, 'container', user]);
    const listed = (await rig.api.volumes.list({ hostId })).find((v) => v.name === name);
    expect(listed?.usedBy.map((u) => u.name)).toEqual([user]);

    const err = await rejection(rig.api.volumes.remove({ hostId, name }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe(`Volume ${name} is in use by ${user}: remove that container first.`);
    await docker(socketPath, 'rm', user);
    await rig.api.volumes.remove({ hostId, name });
    await expect(docker(socketPath, 'volume', 'inspect', name)).rejects.toThrow();
  });

  it('says what is missing: a volume, a path; refuses paths that leave the volume', async () => {
    const { hostId, socketPath } = engine(0);
    const ghost = uniqueName('it-vol-ghost');
    const noVolume = await rejection(rig.api.volumes.browse({ hostId, name: ghost, path: '/' }));
    expect(noVolume.code).toBe('NOT_FOUND');
    // Browsing must not create the volume as a side effect.
    await expect(docker(socketPath, 'volume', 'inspect', ghost)).rejects.toThrow();

    const name = await createVolume(hostId, socketPath);
    const noPath = await rejection(rig.api.volumes.browse({ hostId, name, path: '/nope' }));
    expect(noPath.code).toBe('NOT_FOUND');
    expect(noPath.message).toBe(`There is nothing at /nope in volume ${name}.`);
    const escape = await rejection(rig.api.volumes.browse({ hostId, name, path: '/../../etc' }));
    expect(escape.code).toBe('INVALID_INPUT');
    expect(await containersUsing(socketPath, name)).toBe('');
  });

  it('prunes only the unused volumes carrying its label, reporting space reclaimed', async () => {
    const { hostId, socketPath } = engine(1);
    const scope = `berthmaster.test.prune=${uniqueName('p')}`;
    const [key, value] = scope.split('=') as [string, string];
    const doomed = await createVolume(hostId, socketPath, { [key]: value });
    await writeInto(socketPath, doomed, 'dd if=/dev/zero of=/data/blob bs=1k count=64 2>/dev/null');
    const kept = await createVolume(hostId, socketPath);
    const result = await rig.api.volumes.prune({ hostId, labels: [scope] });
    expect(result.removed).toEqual([doomed]);
    expect(result.spaceReclaimed).toBeGreaterThanOrEqual(64 * 1024);
    await expect(docker(socketPath, 'volume', 'inspect', doomed)).rejects.toThrow();
    expect(await docker(socketPath, 'volume', 'inspect', '-f', '{{.Name}}', kept)).toBe(kept);
  });
});
