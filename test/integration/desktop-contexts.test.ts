import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError, HostView } from '@shared/contract';
import { createBackend, type Backend } from '../../src/main/app/backend';
import { contextId } from '../../src/main/services/contexts/context-store';
import { startWebServer, type WebServer } from '../../src/main/web/web-server';
import { docker, loadLab, type Lab } from './support/lab';
import { connectWs } from './support/ws-client';

const run = promisify(execFile);
const quiet = { info: () => undefined, error: () => undefined };

let lab: Lab;
let home: string;
let configDir: string;
let rendererDir: string;
let backend: Backend;
let server: WebServer;
let api: Awaited<ReturnType<typeof connectWs>>['api'];
let close: () => void;
let idA: string;
let idB: string;

/** The real docker CLI with the temp HOME: it reads and writes the contexts under test. */
async function cli(...args: string[]): Promise<string> {
  const { stdout } = await run('docker', args, {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home },
    timeout: 30_000,
  });
  return stdout.trim();
}

async function waitConnected(hostId: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const snap = backend.hosts.snapshot();
    if (snap.statuses[hostId]?.state === 'connected') return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `host ${hostId} did not connect: ${JSON.stringify(backend.hosts.snapshot().statuses[hostId])}`,
  );
}

beforeAll(async () => {
  lab = loadLab();
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-ctx-home-'));
  configDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-ctx-cfg-'));
  rendererDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-ctx-renderer-'));
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Berthmaster</title>');
  // SSH as a user has it: ~/.ssh/config names the key, ~/.ssh/known_hosts knows the server.
  await fs.mkdir(path.join(home, '.ssh'), { mode: 0o700 });
  await fs.writeFile(
    path.join(home, '.ssh', 'config'),
    `Host ${lab.ssh.host}\n  IdentityFile ${lab.ssh.ed25519Key}\n`,
  );
  await fs.copyFile(lab.ssh.knownHosts, path.join(home, '.ssh', 'known_hosts'));

  await cli(
    'context',
    'create',
    'lab-a',
    '--description',
    'engine A',
    '--docker',
    `host=unix://${lab.engineA.socketPath}`,
  );
  await cli(
    'context',
    'create',
    'lab-b-tls',
    '--docker',
    `host=tcp://${lab.engineB.tlsHost}:${lab.engineB.tlsPort},ca=${lab.tls.ca},cert=${lab.tls.cert},key=${lab.tls.key}`,
  );
  await cli(
    'context',
    'create',
    'lab-b-ssh',
    '--docker',
    `host=ssh://${lab.ssh.user}@${lab.ssh.host}:${lab.ssh.port}`,
  );
  await cli(
    'context',
    'create',
    'lab-insecure',
    '--docker',
    `host=tcp://${lab.engineB.tlsHost}:${lab.engineB.tlsPort},skip-tls-verify=true`,
  );
  await cli('context', 'use', 'lab-b-tls');

  idA = await docker(lab.engineA.socketPath, 'info', '-f', '{{.ID}}');
  idB = await docker(lab.engineB.socketPath, 'info', '-f', '{{.ID}}');

  // First start with no hosts file: the CLI's current context becomes the first host.
  backend = await createBackend({ configDir, env: {}, homeDir: home, log: quiet });
  server = await startWebServer({ dispatcher: backend.dispatcher, rendererDir, port: 0, log: quiet });
  const ws = await connectWs(server.port, server.token);
  api = ws.api;
  close = () => ws.socket.close();
});

afterAll(async () => {
  close?.();
  await server?.close();
  backend?.dispose();
  for (const dir of [home, configDir, rendererDir])
    if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe('Docker CLI contexts', () => {
  it('starts with the current context as the first host', async () => {
    const hosts = await api.hosts.list({});
    expect(hosts).toHaveLength(1);
    expect(hosts[0]).toMatchObject({
      name: 'lab-b-tls',
      endpoint: { kind: 'tls', host: lab.engineB.tlsHost },
    });
    await waitConnected(hosts[0]?.id as string);
    expect((await api.hosts.engineInfo({ hostId: hosts[0]?.id as string })).id).toBe(idB);
  });

  it('lists the CLI contexts: current marked, insecure one refused with a reason', async () => {
    const { contexts, configDir: dir } = await api.contexts.list({});
    expect(dir).toBe(path.join(home, '.docker'));
    const byName = new Map(contexts.map((c) => [c.name, c]));
    expect([...byName.keys()]).toEqual(['default', 'lab-a', 'lab-b-ssh', 'lab-b-tls', 'lab-insecure']);
    expect(byName.get('lab-a')).toMatchObject({
      kind: 'socket',
      description: 'engine A',
      importable: true,
      imported: false,
      current: false,
    });
    expect(byName.get('lab-b-tls')).toMatchObject({
      kind: 'tls',
      importable: true,
      imported: true,
      current: true,
    });
    expect(byName.get('lab-b-ssh')).toMatchObject({ kind: 'ssh', importable: true, imported: false });
    expect(byName.get('lab-insecure')).toMatchObject({ importable: false });
    expect(byName.get('lab-insecure')?.reason).toMatch(/skips TLS verification/);
  });

  it('imports socket and SSH contexts and lists containers through each', async () => {
    const result = await api.contexts.import({ names: ['lab-a', 'lab-b-ssh', 'lab-insecure', 'lab-b-tls'] });
    expect(result.added.map((h) => h.name)).toEqual(['lab-a', 'lab-b-ssh']);
    expect(result.skipped.map((s) => s.name)).toEqual(['lab-insecure', 'lab-b-tls']);
    const expected: Record<string, string> = { 'lab-a': idA, 'lab-b-ssh': idB, 'lab-b-tls': idB };
    const hosts = await api.hosts.list({});
    expect(hosts.map((h) => h.name).sort()).toEqual(['lab-a', 'lab-b-ssh', 'lab-b-tls']);
    for (const h of hosts) {
      await waitConnected(h.id);
      expect((await api.hosts.engineInfo({ hostId: h.id })).id).toBe(expected[h.name]);
      const containers = await api.containers.list({ hostId: h.id, all: true });
      expect(Array.isArray(containers)).toBe(true);
    }
    const after = await api.contexts.list({});
    // "default" is the local socket, the same endpoint as lab-a.
    expect(after.contexts.filter((c) => c.imported).map((c) => c.name)).toEqual([
      'default',
      'lab-a',
      'lab-b-ssh',
      'lab-b-tls',
    ]);
  });

  it('exports a TLS host as a context the docker CLI uses, with 0600 key files', async () => {
    const tlsHost = (await api.hosts.list({})).find((h) => h.name === 'lab-b-tls') as HostView;
    const out = await api.contexts.export({ hostId: tlsHost.id, name: 'berthmaster-b' });
    expect(out.metaPath).toBe(path.join(home, '.docker', 'contexts', 'meta', contextId('berthmaster-b')));
    const tlsDir = path.join(home, '.docker', 'contexts', 'tls', contextId('berthmaster-b'), 'docker');
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) {
      expect((await fs.stat(path.join(tlsDir, f))).mode & 0o777).toBe(0o600);
    }
    expect(await cli('--context', 'berthmaster-b', 'info', '-f', '{{.ID}}')).toBe(idB);
    await cli('--context', 'berthmaster-b', 'ps');
  });

  it('exports socket and SSH hosts; refuses to overwrite a context', async () => {
    const hosts = await api.hosts.list({});
    const a = hosts.find((h) => h.name === 'lab-a') as HostView;
    const s = hosts.find((h) => h.name === 'lab-b-ssh') as HostView;
    await api.contexts.export({ hostId: a.id, name: 'berthmaster-a' });
    expect(await cli('--context', 'berthmaster-a', 'info', '-f', '{{.ID}}')).toBe(idA);
    await api.contexts.export({ hostId: s.id, name: 'berthmaster-ssh' });
    const inspected = JSON.parse(await cli('context', 'inspect', 'berthmaster-ssh')) as Array<{
      Endpoints: { docker: { Host: string } };
    }>;
    expect(inspected[0]?.Endpoints.docker.Host).toBe(`ssh://${lab.ssh.user}@${lab.ssh.host}:${lab.ssh.port}`);

    const err = await api.contexts.export({ hostId: a.id, name: 'lab-a' }).then(
      () => undefined,
      (e: unknown) => e as AppError,
    );
    expect(err?.code).toBe('CONFLICT');
    // The CLI's own context was left intact.
    expect(await cli('--context', 'lab-a', 'info', '-f', '{{.ID}}')).toBe(idA);
    const ls = await cli('context', 'ls', '--format', '{{.Name}}');
    expect(
      ls
        .split('\n')
        .map((n) => n.replace(/ \*$/, ''))
        .sort(),
    ).toEqual([
      'berthmaster-a',
      'berthmaster-b',
      'berthmaster-ssh',
      'default',
      'lab-a',
      'lab-b-ssh',
      'lab-b-tls',
      'lab-insecure',
    ]);
  });
});
