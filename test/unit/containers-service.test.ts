import { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import type { AppErrorShape, RunSpec } from '@shared/contract';
import { runBulk, BULK_CONCURRENCY } from '../../src/main/services/containers/bulk';
import type { ContainerService } from '../../src/main/services/containers/container-service';
import { listTar, normalizeDir, parsePathStat } from '../../src/main/services/containers/files';
import { imageDefaults, specFromInspect, toCreateOptions } from '../../src/main/services/containers/run-spec';
import { healthFromStatus } from '../../src/main/services/containers/summary';

const spec: RunSpec = {
  image: 'busybox',
  name: 'web',
  cmd: ['sleep', '600'],
  entrypoint: ['/bin/sh', '-c'],
  env: ['A=1'],
  ports: [
    { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
    { hostIp: '', containerPort: 80, protocol: 'tcp', hostPort: 8081 },
    { hostIp: '', containerPort: 53, protocol: 'udp' },
  ],
  mounts: [
    { type: 'volume', source: '', target: '/cache', readOnly: false },
    { type: 'bind', source: '/srv', target: '/srv', readOnly: true },
  ],
  network: 'backend',
  restartPolicy: { name: 'on-failure', maxRetries: 2 },
  labels: { k: 'v' },
  memoryBytes: 64 * 1024 * 1024,
  cpus: 0.25,
  workingDir: '/app',
  user: 'nobody',
  tty: true,
  interactive: true,
  autoRemove: false,
};

describe('run spec → engine create body', () => {
  it('maps every field the way `docker run` does', () => {
    const o = toCreateOptions(spec);
    expect(o).toMatchObject({
      name: 'web',
      Image: 'busybox',
      Cmd: ['sleep', '600'],
      Entrypoint: ['/bin/sh', '-c'],
      Env: ['A=1'],
      Labels: { k: 'v' },
      WorkingDir: '/app',
      User: 'nobody',
      Tty: true,
      OpenStdin: true,
      ExposedPorts: { '80/tcp': {}, '53/udp': {} },
    });
    expect(o.HostConfig).toMatchObject({
      PortBindings: {
        '80/tcp': [
          { HostIp: '127.0.0.1', HostPort: '8080' },
          { HostIp: '', HostPort: '8081' },
        ],
        '53/udp': [{ HostIp: '', HostPort: '' }],
      },
      Mounts: [
        { Type: 'volume', Source: '', Target: '/cache', ReadOnly: false },
        { Type: 'bind', Source: '/srv', Target: '/srv', ReadOnly: true },
      ],
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 2 },
      Memory: 64 * 1024 * 1024,
      NanoCpus: 250_000_000,
      NetworkMode: 'backend',
      AutoRemove: false,
    });
  });

  it('leaves out what was not asked for (the image decides)', () => {
    const o = toCreateOptions({
      ...spec,
      name: undefined,
      cmd: undefined,
      entrypoint: undefined,
      network: undefined,
    });
    expect('name' in o).toBe(false);
    expect('Cmd' in o).toBe(false);
    expect('Entrypoint' in o).toBe(false);
    expect(o.HostConfig && 'NetworkMode' in o.HostConfig).toBe(false);
  });
});

describe('existing container → run spec (Edit and recreate)', () => {
  const inspect = {
    Name: '/web',
    Config: {
      Image: 'busybox',
      Cmd: ['sleep', '600'],
      Entrypoint: null,
      Env: ['PATH=/usr/bin', 'MODE=prod'],
      Labels: { 'from.image': 'yes', mine: '1' },
      WorkingDir: '',
      User: '',
      Tty: false,
      OpenStdin: false,
    },
    HostConfig: {
      PortBindings: {
        '80/tcp': [{ HostIp: '', HostPort: '8080' }],
        '443/tcp': [{ HostIp: '', HostPort: '' }],
      },
      RestartPolicy: { Name: 'always', MaximumRetryCount: 0 },
      NetworkMode: 'default',
      Memory: 0,
      NanoCpus: 0,
      AutoRemove: false,
    },
    Mounts: [
      {
        Type: 'volume',
        Name: 'a'.repeat(64),
        Source: '/var/lib/docker/volumes/x',
        Destination: '/data',
        RW: true,
      },
      { Type: 'bind', Source: '/srv', Destination: '/srv', RW: false },
      { Type: 'tmpfs', Source: '', Destination: '/run', RW: true },
    ],
  } as unknown as Docker.ContainerInspectInfo;
  const image = imageDefaults({
    Config: {
      Cmd: ['sh'],
      Env: ['PATH=/usr/bin'],
      Labels: { 'from.image': 'yes' },
      WorkingDir: '',
      User: '',
    },
  } as unknown as Docker.ImageInspectInfo);

  it('keeps what the creator chose and drops what the image gives', () => {
    expect(specFromInspect(inspect, image)).toEqual<RunSpec>({
      image: 'busybox',
      name: 'web',
      cmd: ['sleep', '600'],
      env: ['MODE=prod'],
      ports: [
        { hostIp: '', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
        { hostIp: '', containerPort: 443, protocol: 'tcp' },
      ],
      // The anonymous volume is named, so the new container gets the same data.
      mounts: [
        { type: 'volume', source: 'a'.repeat(64), target: '/data', readOnly: false },
        { type: 'bind', source: '/srv', target: '/srv', readOnly: true },
      ],
      restartPolicy: { name: 'always' },
      labels: { mine: '1' },
      tty: false,
      interactive: false,
      autoRemove: false,
    });
  });

  it('round-trips through the create body', () => {
    const again = toCreateOptions(specFromInspect(inspect, image));
    expect(again.HostConfig?.PortBindings).toEqual(inspect.HostConfig.PortBindings);
  });
});

describe('engine details', () => {
  it('reads health from the list status text', () => {
    expect(healthFromStatus('Up 2 minutes (healthy)')).toBe('healthy');
    expect(healthFromStatus('Up 5 seconds (health: starting)')).toBe('starting');
    expect(healthFromStatus('Up 1 hour (unhealthy)')).toBe('unhealthy');
    expect(healthFromStatus('Up 1 hour')).toBeUndefined();
  });

  it("decodes the archive API's path-stat header, telling folders and links apart", () => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64');
    expect(
      parsePathStat(enc({ name: 'etc', size: 4096, mode: 2 ** 31 + 0o755, mtime: 't', linkTarget: '' })),
    ).toEqual({ name: 'etc', size: 4096, mode: 0o755, mtime: 't', linkTarget: '', isDirectory: true });
    const link = parsePathStat(
      enc({ name: 'sh', size: 7, mode: 2 ** 27 + 0o777, linkTarget: '/bin/busybox' }),
    );
    expect(link).toMatchObject({ isDirectory: false, linkTarget: '/bin/busybox', mode: 0o777 });
    expect(normalizeDir('/etc//nginx/')).toBe('/etc/nginx');
    expect(normalizeDir('/')).toBe('/');
  });

  async function tarOf(
    entries: Array<{ name: string; type?: 'file' | 'directory' | 'symlink'; body?: string }>,
  ) {
    const p = pack();
    for (const e of entries) {
      if (e.type === 'directory') p.entry({ name: e.name, type: 'directory', mode: 0o755 });
      else if (e.type === 'symlink') p.entry({ name: e.name, type: 'symlink', linkname: 'target' });
      else p.entry({ name: e.name, mode: 0o644 }, e.body ?? '');
    }
    p.finalize();
    const chunks: Buffer[] = [];
    for await (const c of p as unknown as AsyncIterable<Buffer>) chunks.push(c);
    return Buffer.concat(chunks);
  }

  it('lists the first level of a "<dir>/." archive, folders first', async () => {
    const tar = await tarOf([
      { name: './', type: 'directory' },
      { name: './b.txt', body: 'hello' },
      { name: './sub/', type: 'directory' },
      { name: './sub/deep.txt', body: 'x'.repeat(1000) },
      { name: './a-link', type: 'symlink' },
    ]);
    const r = await listTar(Readable.from([tar]));
    expect(r.truncated).toBe(false);
    expect(r.entries.map((e) => [e.name, e.type, e.size])).toEqual([
      ['sub', 'directory', 0],
      ['a-link', 'symlink', 0],
      ['b.txt', 'file', 5],
    ]);
    expect(r.entries[1]?.linkTarget).toBe('target');
  });

  it('stops at its budget and says the listing is partial', async () => {
    const tar = await tarOf(
      Array.from({ length: 30 }, (_, i) => ({ name: `./f${i}`, body: 'x'.repeat(2000) })),
    );
    const bytes = await listTar(Readable.from([tar.subarray(0, 20_000), tar.subarray(20_000)]), {
      maxBytes: 10_000,
      maxEntries: 100,
    });
    expect(bytes.truncated).toBe(true);
    const entries = await listTar(Readable.from([tar]), { maxBytes: 1e9, maxEntries: 5 });
    expect(entries).toMatchObject({ truncated: true });
    expect(entries.entries).toHaveLength(5);
  });
});

describe('bulk actions', () => {
  it('reports each container in order, a failure next to its container, a few at a time', async () => {
    let running = 0;
    let peak = 0;
    const calls: string[] = [];
    const fake = {
      stop: async (id: string) => {
        calls.push(id);
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, id === 'c1' ? 20 : 5));
        running--;
        if (id === 'c3') throw Object.assign(new Error('no such container'), { statusCode: 404 });
      },
    } as unknown as ContainerService;
    const ids = Array.from({ length: 20 }, (_, i) => `c${i}`);
    const toError = (e: unknown): AppErrorShape => ({ code: 'NOT_FOUND', message: (e as Error).message });
    const results = await runBulk(
      fake,
      'stop',
      ids,
      { force: false, volumes: false, signal: 'SIGKILL', timeoutSec: 1 },
      { signal: new AbortController().signal },
      toError,
    );
    expect(results.map((r) => r.id)).toEqual(ids);
    expect(results.filter((r) => !r.ok)).toEqual([
      { id: 'c3', ok: false, error: { code: 'NOT_FOUND', message: 'no such container' } },
    ]);
    expect(calls.sort()).toEqual([...ids].sort());
    expect(peak).toBeLessThanOrEqual(BULK_CONCURRENCY);
    expect(peak).toBeGreaterThan(1);
  });
});
