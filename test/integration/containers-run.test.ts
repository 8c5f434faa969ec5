import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError, RunSpec } from '@shared/contract';
import { startContainersHarness, type ContainersHarness, type Engine } from './containers-harness';
import { freeHostPort } from './support/host-ports';

let h: ContainersHarness;
let bindDir: string;

beforeAll(async () => {
  h = await startContainersHarness();
  // Both engines share this machine's filesystem, so one folder serves as bind source for both.
  bindDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-bind-'));
  await fs.writeFile(path.join(bindDir, 'hello.txt'), 'from the host\n');
  // The container runs as uid 1000: the folder must be readable by others.
  await fs.chmod(bindDir, 0o755);
});

afterAll(async () => {
  await h?.cleanup();
  if (bindDir) await fs.rm(bindDir, { recursive: true, force: true });
});

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a rejection');
}

interface Inspected {
  Id: string;
  Name: string;
  Path: string;
  Args: string[];
  State: { Status: string; Running: boolean };
  Config: {
    Image: string;
    Env: string[];
    Labels: Record<string, string>;
    WorkingDir: string;
    User: string;
    Tty: boolean;
    OpenStdin: boolean;
    Entrypoint: string[] | null;
    Cmd: string[] | null;
  };
  HostConfig: {
    PortBindings: Record<string, Array<{ HostIp: string; HostPort: string }>>;
    RestartPolicy: { Name: string; MaximumRetryCount: number };
    AutoRemove: boolean;
    Memory: number;
    NanoCpus: number;
    NetworkMode: string;
  };
  Mounts: Array<{ Type: string; Name?: string; Source: string; Destination: string; RW: boolean }>;
  NetworkSettings: { Networks: Record<string, { IPAddress: string }> };
}

async function inspect(engine: Engine, name: string): Promise<Inspected> {
  const out = JSON.parse(await h.cli(engine, 'inspect', name)) as Inspected[];
  return out[0] as Inspected;
}

function baseSpec(name: string, extra: Partial<RunSpec> = {}): RunSpec {
  return {
    image: h.lab.image,
    name,
    cmd: ['sleep', '600'],
    env: [],
    ports: [],
    mounts: [],
    restartPolicy: { name: 'no' },
    labels: h.labels,
    tty: false,
    interactive: false,
    autoRemove: false,
    ...extra,
  };
}

describe.each([0, 1])('run form on engine %i', (index) => {
  const engine = () => h.engines[index] as Engine;

  it('every setting of the form appears in docker inspect', async () => {
    const e = engine();
    const name = h.name('run');
    const volume = h.name('vol');
    const network = h.name('net');
    h.trackVolume(e, volume);
    await h.cli(e, 'network', 'create', '--label', 'berthmaster.test=1', '--label', h.runLabel, network);
    const hostPort = freeHostPort();
    // Engine A gets a restart policy with retries; engine B gets auto-remove (they exclude each other).
    const restart: Partial<RunSpec> =
      index === 0
        ? { restartPolicy: { name: 'on-failure', maxRetries: 3 }, autoRemove: false }
        : { restartPolicy: { name: 'no' }, autoRemove: true };
    const result = await h.api.containers.create({
      hostId: e.hostId,
      start: true,
      spec: baseSpec(name, {
        entrypoint: ['/bin/sh', '-c'],
        cmd: ['echo "quoted arg"; sleep 600'],
        env: ['GREETING=hello world', 'EMPTY='],
        ports: [
          { hostIp: '127.0.0.1', hostPort, containerPort: 80, protocol: 'tcp' },
          { hostIp: '', containerPort: 53, protocol: 'udp' },
        ],
        mounts: [
          { type: 'volume', source: volume, target: '/data', readOnly: false },
          { type: 'bind', source: bindDir, target: '/host', readOnly: true },
        ],
        network,
        labels: { ...h.labels, 'app.tier': 'web' },
        memoryBytes: 64 * 1024 * 1024,
        cpus: 0.5,
        workingDir: '/data',
        user: '1000:1000',
        tty: true,
        interactive: true,
        ...restart,
      }),
    });
    expect(result).toMatchObject({ name, started: true });
    // The volume was made by the engine for this container: label it for cleanup.
    const c = await inspect(e, name);
    expect(c.Id).toBe(result.id);
    expect(c.State.Running).toBe(true);
    expect(c.Config.Image).toBe(h.lab.image);
    expect(c.Config.Entrypoint).toEqual(['/bin/sh', '-c']);
    expect(c.Config.Cmd).toEqual(['echo "quoted arg"; sleep 600']);
    expect(c.Config.Env).toEqual(expect.arrayContaining(['GREETING=hello world', 'EMPTY=']));
    expect(c.Config.Labels).toMatchObject({ 'app.tier': 'web', 'berthmaster.test': '1' });
    expect(c.Config.WorkingDir).toBe('/data');
    expect(c.Config.User).toBe('1000:1000');
    expect(c.Config.Tty).toBe(true);
    expect(c.Config.OpenStdin).toBe(true);
    expect(c.HostConfig.PortBindings).toEqual({
      '80/tcp': [{ HostIp: '127.0.0.1', HostPort: String(hostPort) }],
      '53/udp': [{ HostIp: '', HostPort: '' }],
    });
    expect(c.HostConfig.Memory).toBe(64 * 1024 * 1024);
    expect(c.HostConfig.NanoCpus).toBe(500_000_000);
    expect(c.HostConfig.NetworkMode).toBe(network);
    expect(c.NetworkSettings.Networks[network]?.IPAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    if (index === 0) {
      expect(c.HostConfig.RestartPolicy).toEqual({ Name: 'on-failure', MaximumRetryCount: 3 });
      expect(c.HostConfig.AutoRemove).toBe(false);
    } else {
      expect(c.HostConfig.RestartPolicy.Name).toBe('no');
      expect(c.HostConfig.AutoRemove).toBe(true);
    }
    const byTarget = Object.fromEntries(c.Mounts.map((m) => [m.Destination, m]));
    expect(byTarget['/data']).toMatchObject({ Type: 'volume', Name: volume, RW: true });
    expect(byTarget['/host']).toMatchObject({ Type: 'bind', Source: bindDir, RW: false });
    // The bind mount really is the host folder, read-only.
    expect(await h.cli(e, 'exec', name, 'cat', '/host/hello.txt')).toBe('from the host');
    await expect(h.cli(e, 'exec', name, 'touch', '/host/x')).rejects.toThrow(/Read-only/i);

    await h.cli(e, 'rm', '-f', name);
    await h.cli(e, 'volume', 'rm', '-f', volume).catch(() => undefined);
  }, 60_000);

  it('reports name conflicts and missing images as such, and refuses invalid specs before the engine', async () => {
    const e = engine();
    const name = h.name('dup');
    await h.api.containers.create({ hostId: e.hostId, start: false, spec: baseSpec(name) });
    const conflict = await rejection(
      h.api.containers.create({ hostId: e.hostId, start: false, spec: baseSpec(name) }),
    );
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toMatch(/already in use/);

    const missing = await rejection(
      h.api.containers.create({
        hostId: e.hostId,
        start: false,
        spec: baseSpec(h.name('nope'), { image: 'berthmaster-test/does-not-exist:1' }),
      }),
    );
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toMatch(/No such image/i);

    for (const spec of [
      baseSpec('x'),
      baseSpec(h.name('p'), { ports: [{ hostIp: '', hostPort: 70000, containerPort: 80, protocol: 'tcp' }] }),
      baseSpec(h.name('e'), { env: ['1BAD=x'] }),
      baseSpec(h.name('r'), { autoRemove: true, restartPolicy: { name: 'always' } }),
      baseSpec(h.name('m'), {
        mounts: [{ type: 'bind', source: 'relative', target: '/x', readOnly: false }],
      }),
    ]) {
      const err = await rejection(h.api.containers.create({ hostId: e.hostId, start: false, spec }));
      expect(err.code, JSON.stringify(spec)).toBe('INVALID_INPUT');
    }
  }, 60_000);

  it('a container that cannot start is removed again, so the same name can be submitted after a fix', async () => {
    const e = engine();
    const holder = h.name('holder');
    const port = freeHostPort();
    const ports = [{ hostIp: '', hostPort: port, containerPort: 80, protocol: 'tcp' as const }];
    await h.api.containers.create({ hostId: e.hostId, start: true, spec: baseSpec(holder, { ports }) });
    const name = h.name('clash');
    const err = await rejection(
      h.api.containers.create({ hostId: e.hostId, start: true, spec: baseSpec(name, { ports }) }),
    );
    expect(err.message).toMatch(/already allocated|address already in use/i);
    expect(await h.cli(e, 'ps', '-aq', '--filter', `name=^${name}$`)).toBe('');
    const ok = await h.api.containers.create({ hostId: e.hostId, start: true, spec: baseSpec(name) });
    expect(ok.name).toBe(name);
  }, 60_000);

  it('edit and recreate keeps the name, applies the change and removes the old container', async () => {
    const e = engine();
    const name = h.name('re');
    const oldPort = freeHostPort();
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
      '-p',
      `${oldPort}:80`,
      '-e',
      'MODE=old',
      h.lab.image,
      'sleep',
      '600',
    );
    const oldId = (await inspect(e, name)).Id;
    const spec = await h.api.containers.runSpec({ hostId: e.hostId, id: name });
    expect(spec).toMatchObject({ name, image: h.lab.image, cmd: ['sleep', '600'], env: ['MODE=old'] });
    expect(spec.ports).toEqual([{ hostIp: '', hostPort: oldPort, containerPort: 80, protocol: 'tcp' }]);
    // The image's own env (PATH) is not repeated in the form.
    expect(spec.env.some((v) => v.startsWith('PATH='))).toBe(false);

    const newPort = freeHostPort();
    const result = await h.api.containers.recreate({
      hostId: e.hostId,
      id: name,
      start: true,
      timeoutSec: 1,
      spec: {
        ...spec,
        env: ['MODE=new', 'EXTRA=1'],
        ports: [{ hostIp: '', hostPort: newPort, containerPort: 80, protocol: 'tcp' }],
      },
    });
    expect(result.name).toBe(name);
    const now = await inspect(e, name);
    expect(now.Id).not.toBe(oldId);
    expect(now.State.Running).toBe(true);
    expect(now.Config.Env).toEqual(expect.arrayContaining(['MODE=new', 'EXTRA=1']));
    expect(now.HostConfig.PortBindings['80/tcp']).toEqual([{ HostIp: '', HostPort: String(newPort) }]);
    // Labels came along (they are how the cleanup finds it, too).
    expect(now.Config.Labels[h.runLabel.split('=')[0] as string]).toBe(h.runLabel.split('=')[1]);
    await expect(h.cli(e, 'inspect', oldId)).rejects.toThrow();
    expect(await h.cli(e, 'ps', '-aq', '--filter', `name=${name}-old-`)).toBe('');
  }, 60_000);

  it('a recreate that fails puts the old container back, running, under its name', async () => {
    const e = engine();
    const blocker = h.name('blocker');
    const taken = freeHostPort();
    await h.api.containers.create({
      hostId: e.hostId,
      start: true,
      spec: baseSpec(blocker, {
        ports: [{ hostIp: '', hostPort: taken, containerPort: 80, protocol: 'tcp' }],
      }),
    });
    const name = h.name('keep');
    await h.api.containers.create({ hostId: e.hostId, start: true, spec: baseSpec(name, { env: ['V=1'] }) });
    const oldId = (await inspect(e, name)).Id;
    const spec = await h.api.containers.runSpec({ hostId: e.hostId, id: name });
    const err = await rejection(
      h.api.containers.recreate({
        hostId: e.hostId,
        id: name,
        start: true,
        timeoutSec: 1,
        spec: { ...spec, ports: [{ hostIp: '', hostPort: taken, containerPort: 80, protocol: 'tcp' }] },
      }),
    );
    expect(err.message).toMatch(/already allocated|address already in use/i);
    const back = await inspect(e, name);
    expect(back.Id).toBe(oldId);
    expect(back.State.Running).toBe(true);
    expect(back.Config.Env).toContain('V=1');
    const all = (
      await h.cli(e, 'ps', '-a', '--format', '{{.Names}}', '--filter', `label=${h.runLabel}`)
    ).split('\n');
    expect(all.filter((n) => n.startsWith(name))).toEqual([name]);
  }, 60_000);

  it('lists local images, networks and volumes for the form', async () => {
    const opts = await h.api.containers.formOptions({ hostId: engine().hostId });
    expect(opts.images).toContain(h.lab.image);
    expect(opts.networks).toEqual(expect.arrayContaining(['bridge', 'host', 'none']));
    expect(Array.isArray(opts.volumes)).toBe(true);
  });
});
