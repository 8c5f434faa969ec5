import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import type { AppError, Endpoint, HostsSnapshot } from '@shared/contract';
import { createBackend, type Backend } from '../../../src/main/app/backend';
import { startWebServer, type WebServer } from '../../../src/main/web/web-server';
import { read, type Lab } from './lab';
import { connectWs } from './ws-client';

type WsApi = Awaited<ReturnType<typeof connectWs>>['api'];

export interface ResourcesRig {
  api: WsApi;
  backend: Backend;
  /** Engine A over its socket, engine B over TLS: the two ways the feature must work. */
  engines: Array<{ label: string; hostId: string; socketPath: string }>;
  addHost(name: string, endpoint: Endpoint): Promise<string>;
  close(): Promise<void>;
}

const quiet = { info: () => undefined, error: () => undefined };

export async function waitConnected(api: WsApi, hostId: string): Promise<void> {
  await vi.waitFor(
    async () => {
      const snap = await new Promise<HostsSnapshot>((resolve) => {
        const sub = api.hosts.watch({}, { onEvent: (s) => (sub.close(), resolve(s)) });
      });
      if (snap.statuses[hostId]?.state !== 'connected') throw new Error(`host ${hostId} not connected yet`);
    },
    { timeout: 20_000, interval: 200 },
  );
}

/** A real backend behind the browser-mode server, with engine A (socket) and B (TLS) added. */
export async function startResourcesRig(lab: Lab): Promise<ResourcesRig> {
  const configDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-res-'));
  const rendererDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-res-ui-'));
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Berthmaster</title>');
  const backend = await createBackend({ configDir, env: {}, homeDir: '/nonexistent-home', log: quiet });
  const server: WebServer = await startWebServer({
    dispatcher: backend.dispatcher,
    rendererDir,
    port: 0,
    log: quiet,
  });
  const { api, socket } = await connectWs(server.port, server.token);
  const addHost = async (name: string, endpoint: Endpoint) => {
    const host = await api.hosts.add({ name, color: '#2563eb', endpoint });
    await waitConnected(api, host.id);
    return host.id;
  };
  const a = await addHost('res-a', { kind: 'socket', socketPath: lab.engineA.socketPath });
  const b = await addHost('res-b-tls', {
    kind: 'tls',
    host: lab.engineB.tlsHost,
    port: lab.engineB.tlsPort,
    ca: read(lab.tls.ca),
    cert: read(lab.tls.cert),
    key: read(lab.tls.key),
  });
  return {
    api,
    backend,
    engines: [
      { label: 'engine A (socket)', hostId: a, socketPath: lab.engineA.socketPath },
      { label: 'engine B (TLS)', hostId: b, socketPath: lab.engineB.socketPath },
    ],
    addHost,
    close: async () => {
      socket.close();
      await server.close();
      backend.dispose();
      await fs.rm(configDir, { recursive: true, force: true });
      await fs.rm(rendererDir, { recursive: true, force: true });
    },
  };
}

export async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a rejection');
}
