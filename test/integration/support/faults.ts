import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, vi } from 'vitest';
import type { HostsSnapshot } from '@shared/contract';
import { startTestBackend } from './backend';
import { loadLab, read, type Lab } from './lab';
import { connectWs } from './ws-client';

const run = promisify(execFile);
const script = path.resolve(import.meta.dirname, '../../../e2e/lab/fault.sh');

export type FaultAction = 'b-crash' | 'b-restart' | 'b-cut' | 'b-restore';

/** Crash, restart, cut or restore engine B through the lab's fault helper (it waits until done). */
export async function fault(action: FaultAction): Promise<void> {
  await run('bash', [script, action], { timeout: 60_000 });
}

/** Leaves engine B running and linked, whatever a test did to it (for afterAll: errors are ignored). */
export async function healEngineB(): Promise<void> {
  await fault('b-restore').catch(() => undefined);
  await fault('b-restart').catch(() => undefined);
}

/** Runs `body` with B's link cut (given the time of the cut); the link is restored however it ends. */
export async function withLinkCut<T>(body: (cutAt: number) => Promise<T>): Promise<T> {
  await fault('b-cut');
  const cutAt = Date.now();
  try {
    return await body(cutAt);
  } finally {
    await fault('b-restore');
  }
}

type Api = Awaited<ReturnType<typeof connectWs>>['api'];

/** A backend with host A (the default) and engine B over TLS, the host the faults hit. */
export interface FaultBench {
  lab: Lab;
  backend: Awaited<ReturnType<typeof startTestBackend>>;
  api: Api;
  aId: string;
  bId: string;
  /** A host's state in the latest hosts snapshot. */
  state(hostId: string): string | undefined;
  snapshot(): HostsSnapshot | undefined;
  /** Closes the connection and stops the backend (engine B is left as it is: see healEngineB). */
  stop(): Promise<void>;
}

/**
 * Starts the backend, adds engine B over TLS, and waits until both hosts are connected; stops what
 * it started if that fails, so a failed beforeAll leaves nothing running.
 */
export async function startFaultBench(connectTimeout: number): Promise<FaultBench> {
  const lab = loadLab();
  const backend = await startTestBackend();
  let ws: Awaited<ReturnType<typeof connectWs>> | undefined;
  const stop = async () => {
    ws?.socket.close();
    await backend.stop();
  };
  try {
    ws = await connectWs(backend.server.port, backend.server.token);
    const { api } = ws;
    const aId = (await api.hosts.list({}))[0]?.id as string;
    const b = await api.hosts.add({
      name: 'b-tls',
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
    let snapshot: HostsSnapshot | undefined;
    const state = (id: string) => snapshot?.statuses[id]?.state;
    api.hosts.watch({}, { onEvent: (s) => (snapshot = s) });
    await vi.waitFor(() => expect([state(aId), state(b.id)]).toEqual(['connected', 'connected']), {
      timeout: connectTimeout,
    });
    return { lab, backend, api, aId, bId: b.id, state, snapshot: () => snapshot, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
