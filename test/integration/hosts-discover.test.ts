import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../src/main/app/backend';
import { startWebServer, type WebServer } from '../../src/main/web/web-server';
import { quietLog } from './support/backend';
import { docker, loadLab, type Lab } from './support/lab';
import { connectWs } from './support/ws-client';

// A fake home where Colima and Rancher Desktop "run" (unix sockets forwarding to engine A), and
// Docker Desktop left a dead socket file behind: hosts.discover must offer exactly the two live ones
// (a symlink to one of them counts once).
let lab: Lab;
let home: string;
let configDir: string;
let rendererDir: string;
let backend: Backend;
let server: WebServer;
let api: Awaited<ReturnType<typeof connectWs>>['api'];
const proxies: net.Server[] = [];

async function forwardTo(target: string, socketPath: string): Promise<void> {
  await fs.mkdir(path.dirname(socketPath), { recursive: true });
  const server = net.createServer((client) => {
    const upstream = net.connect(target);
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const s of [client, upstream]) {
      s.on('error', end);
      s.on('close', end);
    }
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  proxies.push(server);
}

/** A socket file nobody listens on: bound, moved away, then its server closed. */
async function deadSocket(socketPath: string): Promise<void> {
  await fs.mkdir(path.dirname(socketPath), { recursive: true });
  const tmp = `${socketPath}.tmp`;
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(tmp, resolve));
  await fs.rename(tmp, socketPath);
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

beforeAll(async () => {
  lab = loadLab();
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-discover-home-'));
  configDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-it-'));
  rendererDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-renderer-'));
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Berthmaster</title>');
  await forwardTo(lab.engineA.socketPath, path.join(home, '.colima/default/docker.sock'));
  await forwardTo(lab.engineA.socketPath, path.join(home, '.rd/docker.sock'));
  await deadSocket(path.join(home, '.docker/desktop/docker.sock'));
  // A Lima instance whose socket is a symlink to Colima's: the same engine, offered once.
  await fs.mkdir(path.join(home, '.lima/docker/sock'), { recursive: true });
  await fs.symlink(
    path.join(home, '.colima/default/docker.sock'),
    path.join(home, '.lima/docker/sock/docker.sock'),
  );
  await fs.mkdir(path.join(home, 'run'));
  backend = await createBackend({
    configDir,
    env: { XDG_RUNTIME_DIR: path.join(home, 'run') },
    homeDir: home,
    log: quietLog,
  });
  server = await startWebServer({ dispatcher: backend.dispatcher, rendererDir, port: 0, log: quietLog });
  api = (await connectWs(server.port, server.token)).api;
});

afterAll(async () => {
  await server?.close();
  backend?.dispose();
  await Promise.all(proxies.map((p) => new Promise((r) => p.close(r))));
  for (const d of [home, configDir, rendererDir]) if (d) await fs.rm(d, { recursive: true, force: true });
});

describe('hosts.discover', () => {
  it('offers exactly the local engines that answer /_ping, with their version', async () => {
    const version = (
      await docker(lab.engineA.socketPath, 'version', '--format', '{{.Server.Version}}')
    ).trim();
    const dead = await fs.stat(path.join(home, '.docker/desktop/docker.sock'));
    expect(dead.isSocket()).toBe(true);
    const found = await api.hosts.discover({});
    const inHome = found.filter((e) => e.socketPath.startsWith(home));
    expect(inHome).toEqual([
      {
        socketPath: path.join(home, '.colima/default/docker.sock'),
        source: 'Colima',
        engineVersion: version,
        suggestedName: 'colima',
      },
      {
        socketPath: path.join(home, '.rd/docker.sock'),
        source: 'Rancher Desktop',
        engineVersion: version,
        suggestedName: 'rancher-desktop',
      },
    ]);
    // The first host (the CLI default, engine A's socket in the lab) is marked as added.
    expect(found.find((e) => e.socketPath === '/var/run/docker.sock')?.addedAs).toBe('local');
  });

  it('marks an engine once it is added as a host, and suggests names not taken', async () => {
    const added = await api.hosts.add({
      name: 'colima',
      color: '#10b981',
      endpoint: { kind: 'socket', socketPath: path.join(home, '.colima/default/docker.sock') },
      policy: 'full',
      production: false,
      labels: [],
    });
    try {
      const found = await api.hosts.discover({});
      const colima = found.find((e) => e.socketPath === path.join(home, '.colima/default/docker.sock'));
      expect(colima?.addedAs).toBe('colima');
      const rd = found.find((e) => e.socketPath === path.join(home, '.rd/docker.sock'));
      expect(rd?.addedAs).toBeUndefined();
      expect(rd?.suggestedName).toBe('rancher-desktop');
    } finally {
      await api.hosts.remove({ id: added.id });
    }
  });
});
