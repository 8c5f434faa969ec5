import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppError, HostsSnapshot } from '@shared/contract';
import { createBackend, type Backend } from '../../src/main/app/backend';
import { startWebServer, type WebServer } from '../../src/main/web/web-server';
import { hostileEngine } from './support/hostile-engine';
import { loadLab } from './support/lab';
import { connectWs } from './support/ws-client';

let backend: Backend;
let server: WebServer;
let configDir: string;
let hostile: Awaited<ReturnType<typeof hostileEngine>>;
let ws: Awaited<ReturnType<typeof connectWs>>;
let hostileId = '';
let localId = '';
const quiet = { info: () => undefined, error: () => undefined };

beforeAll(async () => {
  loadLab();
  hostile = await hostileEngine();
  configDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-it-'));
  backend = await createBackend({ configDir, env: {}, homeDir: '/nonexistent-home', log: quiet });
  server = await startWebServer({
    dispatcher: backend.dispatcher,
    rendererDir: configDir,
    port: 0,
    log: quiet,
  });
  ws = await connectWs(server.port, server.token);
  localId = (await ws.api.hosts.list({}))[0]?.id as string;
  const host = await ws.api.hosts.add({
    name: 'hostile',
    color: '#dc2626',
    endpoint: { kind: 'socket', socketPath: hostile.socketPath },
  });
  hostileId = host.id;
  await vi.waitFor(
    async () => {
      const snap = await new Promise<HostsSnapshot>((resolve) => {
        const sub = ws.api.hosts.watch({}, { onEvent: (s) => (sub.close(), resolve(s)) });
      });
      expect(snap.statuses[hostileId]?.state).toBe('connected');
    },
    { timeout: 20_000 },
  );
}, 60_000);

afterAll(async () => {
  ws?.socket.close();
  await server?.close();
  backend?.dispose();
  await hostile?.close();
  await fs.rm(configDir, { recursive: true, force: true });
});

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a rejection');
}

/** Calls to engine A, the real lab engine, through the same backend and socket. */
async function engineAAnswers() {
  const list = await ws.api.containers.list({ hostId: localId, all: true });
  expect(Array.isArray(list)).toBe(true);
  const hosts = await ws.api.hosts.list({});
  expect(hosts.map((h) => h.id)).toContain(hostileId);
}

describe('a hostile engine cannot take the app down', () => {
  it('an endless event line is capped; engine A answers while it is still streaming', async () => {
    // Past the 29 MB that made hosts.list take 19.5 s with the old splitter.
    await vi.waitFor(() => expect(hostile.stats.eventBytes).toBeGreaterThan(48 * 1024 * 1024), {
      timeout: 60_000,
    });
    await engineAAnswers();
    await engineAAnswers();
    expect(hostile.stats.eventsOpen).toBeGreaterThan(0);
    const feed = (backend.events as unknown as { feeds: Map<string, { overflows: number }> }).feeds.get(
      hostileId,
    );
    expect(feed?.overflows).toBeGreaterThan(0);
  }, 90_000);

  it('a body of hundreds of MB fails that call with an error naming the host, and nothing else', async () => {
    const [err] = await Promise.all([
      rejection(ws.api.containers.list({ hostId: hostileId, all: true })),
      engineAAnswers(),
    ]);
    expect(err.code).toBe('ENGINE_ERROR');
    expect(err.message).toContain(hostile.socketPath);
    expect(err.message).toMatch(/more than 32 MiB/);
    // It stopped reading long before the engine stopped sending.
    expect(hostile.stats.hugeBytes).toBeLessThan(600 * 1024 * 1024);
    await engineAAnswers();
  }, 90_000);

  it('a connection reset in the middle of the JSON is a clear error', async () => {
    const err = await rejection(ws.api.images.list({ hostId: hostileId }));
    expect(err.code).not.toBe('INTERNAL');
    expect(err.message.length).toBeGreaterThan(0);
    await engineAAnswers();
  }, 60_000);

  it('a slow drip holds only its own call: engine A answers while it drips', async () => {
    const dripping = rejection(ws.api.networks.list({ hostId: hostileId }));
    await vi.waitFor(() => expect(hostile.stats.dripsOpen).toBeGreaterThan(0));
    await engineAAnswers();
    await engineAAnswers();
    expect(hostile.stats.dripsOpen).toBeGreaterThan(0);
    // Leave the dripping call to its timeout: closing the hostile host's connections ends it.
    void dripping;
  }, 60_000);
});
