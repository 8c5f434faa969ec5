import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../src/main/app/backend';
import { startWebServer, type WebServer } from '../../src/main/web/web-server';
import { docker, loadLab, read, uniqueName, type Lab } from './support/lab';
import { connectWs } from './support/ws-client';

export type WsApi = Awaited<ReturnType<typeof connectWs>>['api'];

export interface Engine {
  /** "socket A" or "TLS B": for test titles. */
  label: string;
  hostId: string;
  /** The engine's socket, for arranging and checking with the docker CLI. */
  socketPath: string;
}

/**
 * The whole backend behind a real WebSocket (as browser mode runs it), with engine A over its
 * socket and engine B over TLS. Everything a test makes carries `berthmaster.test=1` and a label
 * unique to this run, and `cleanup()` removes exactly those objects.
 */
export interface ContainersHarness {
  lab: Lab;
  api: WsApi;
  engines: [Engine, Engine];
  /** Labels for `docker run --label` / run specs: `berthmaster.test=1` and this run's own label. */
  labels: Record<string, string>;
  runLabel: string;
  name(prefix: string): string;
  cli(engine: Engine, ...args: string[]): Promise<string>;
  /** A volume a test lets the engine create (no labels possible): removed at cleanup. */
  trackVolume(engine: Engine, name: string): void;
  cleanup(): Promise<void>;
}

const quiet = { info: () => undefined, error: () => undefined };

export async function startContainersHarness(): Promise<ContainersHarness> {
  const lab = loadLab();
  const configDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-containers-it-'));
  const rendererDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-containers-r-'));
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Berthmaster</title>');
  const backend: Backend = await createBackend({
    configDir,
    env: {},
    homeDir: '/nonexistent-home',
    log: quiet,
  });
  const server: WebServer = await startWebServer({
    dispatcher: backend.dispatcher,
    rendererDir,
    port: 0,
    log: quiet,
  });
  const { api, socket } = await connectWs(server.port, server.token);
  const local = (await api.hosts.list({}))[0];
  if (!local) throw new Error('no local host on first start');
  const tls = await api.hosts.add({
    name: 'lab-b-tls',
    color: '#10b981',
    endpoint: {
      kind: 'tls',
      host: lab.engineB.tlsHost,
      port: lab.engineB.tlsPort,
      ca: read(lab.tls.ca),
      cert: read(lab.tls.cert),
      key: read(lab.tls.key),
    },
  });
  const engines: [Engine, Engine] = [
    { label: 'socket A', hostId: local.id, socketPath: lab.engineA.socketPath },
    { label: 'TLS B', hostId: tls.id, socketPath: lab.engineB.socketPath },
  ];
  // The TLS connection comes up in the background: wait until it answers.
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await api.containers.list({ hostId: tls.id, all: false });
      break;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  const runLabel = `berthmaster.test.containers=${uniqueName('run')}`;
  const [runKey, runValue] = runLabel.split('=') as [string, string];
  const cli = (engine: Engine, ...args: string[]) => docker(engine.socketPath, ...args);
  const tracked: Array<[Engine, string]> = [];

  return {
    lab,
    api,
    engines,
    labels: { 'berthmaster.test': '1', [runKey]: runValue },
    runLabel,
    name: (prefix) => uniqueName(`it-ct-${prefix}`),
    cli,
    trackVolume: (engine, name) => void tracked.push([engine, name]),
    async cleanup() {
      for (const engine of engines) {
        const ids = (await cli(engine, 'ps', '-aq', '--filter', `label=${runLabel}`))
          .split('\n')
          .filter(Boolean);
        if (ids.length) await cli(engine, 'rm', '-f', '-v', ...ids).catch(() => undefined);
        const vols = (await cli(engine, 'volume', 'ls', '-q', '--filter', `label=${runLabel}`))
          .split('\n')
          .filter(Boolean);
        if (vols.length) await cli(engine, 'volume', 'rm', '-f', ...vols).catch(() => undefined);
        const nets = (await cli(engine, 'network', 'ls', '-q', '--filter', `label=${runLabel}`))
          .split('\n')
          .filter(Boolean);
        if (nets.length) await cli(engine, 'network', 'rm', ...nets).catch(() => undefined);
      }
      for (const [engine, name] of tracked)
        await cli(engine, 'volume', 'rm', '-f', name).catch(() => undefined);
      socket.close();
      await server.close();
      backend.dispose();
      await fs.rm(configDir, { recursive: true, force: true });
      await fs.rm(rendererDir, { recursive: true, force: true });
    },
  };
}
