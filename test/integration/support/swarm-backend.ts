import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contract, type HostsSnapshot } from '@shared/contract';
import { vi } from 'vitest';
import type { AppContext } from '../../../src/main/app/app-context';
import { toAppError } from '../../../src/main/errors/to-app-error';
import { createDispatcher } from '../../../src/main/rpc/dispatcher';
import { HostService } from '../../../src/main/services/hosts/host-service';
import { hostsHandlers } from '../../../src/main/services/hosts/handlers';
import { swarmHandlers } from '../../../src/main/services/swarm/handlers';
import { startWebServer } from '../../../src/main/web/web-server';
import { read, type Lab } from './lab';
import { connectWs } from './ws-client';

type WsApi = Awaited<ReturnType<typeof connectWs>>['api'];

/**
 * The real backend reduced to the namespaces the swarm tests use (hosts, swarm), wired as
 * src/main/app/backend.ts wires them, behind the browser-mode server and a real WebSocket.
 * Engine A over its socket (the manager), engine B over TLS (the worker).
 */
export async function startSwarmRig(lab: Lab) {
  const log = { info: () => undefined, error: () => undefined };
  const configDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-swarm-'));
  const rendererDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-swarm-ui-'));
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Berthmaster</title>');
  const hosts = new HostService({ configDir, env: {}, homeDir: '/nonexistent-home', log });
  await hosts.init();
  const ctx = { hosts, onDispose: () => undefined };
  const dispatcher = createDispatcher({
    contract: { hosts: contract.hosts, swarm: contract.swarm },
    handlers: { hosts: hostsHandlers(ctx as unknown as AppContext), swarm: swarmHandlers(ctx) },
    mapError: (e) => toAppError(e),
    log,
  });
  const server = await startWebServer({ dispatcher, rendererDir, port: 0, log });
  const { api, socket } = await connectWs(server.port, server.token);

  const waitConnected = (hostId: string) =>
    vi.waitFor(
      async () => {
        const snap = await new Promise<HostsSnapshot>((resolve) => {
          const sub = api.hosts.watch({}, { onEvent: (s) => (sub.close(), resolve(s)) });
        });
        if (snap.statuses[hostId]?.state !== 'connected') throw new Error(`host ${hostId} not connected yet`);
      },
      { timeout: 20_000, interval: 200 },
    );
  const a = await api.hosts.add({
    name: 'swarm-a',
    color: '#2563eb',
    endpoint: { kind: 'socket', socketPath: lab.engineA.socketPath },
  });
  const b = await api.hosts.add({
    name: 'swarm-b-tls',
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
  await waitConnected(a.id);
  await waitConnected(b.id);
  return {
    api: api as WsApi,
    managerHost: a.id,
    workerHost: b.id,
    close: async () => {
      socket.close();
      await server.close();
      hosts.dispose();
      await fs.rm(configDir, { recursive: true, force: true });
      await fs.rm(rendererDir, { recursive: true, force: true });
    },
  };
}

export type SwarmRig = Awaited<ReturnType<typeof startSwarmRig>>;
