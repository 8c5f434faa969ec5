import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HostsSnapshot } from '@shared/contract';
import { startTestBackend } from './support/backend';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { requestProxy } from './support/request-proxy';
import { viewSession } from './support/terminal-session';
import { connectWs } from './support/ws-client';

/** Longer than two heartbeat periods (5 s): a pinged host shows at least two pings in it. */
const WINDOW_MS = 11_000;
const PROMPT = /\/ # /;

let lab: Lab;
let backend: Awaited<ReturnType<typeof startTestBackend>>;
let client: Awaited<ReturnType<typeof connectWs>>;
let proxy: Awaited<ReturnType<typeof requestProxy>>;
let hostId: string;
let snapshot: HostsSnapshot | undefined;
const container = uniqueName('it-idle');
const state = () => snapshot?.statuses[hostId]?.state;
const pings = () => proxy.lines.filter((l) => l.endsWith('/_ping')).length;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  lab = loadLab();
  await docker(
    lab.engineA.socketPath,
    'run',
    '-d',
    '--label',
    'berthmaster.test=1',
    '--name',
    container,
    lab.image,
    'sleep',
    '600',
  );
  proxy = await requestProxy(lab.engineA.socketPath);
  backend = await startTestBackend();
  client = await connectWs(backend.server.port, backend.server.token);
  client.api.hosts.watch({}, { onEvent: (s) => (snapshot = s) });
  const host = await client.api.hosts.add({
    name: 'idle socket',
    color: '#10b981',
    endpoint: { kind: 'socket', socketPath: proxy.socketPath },
  });
  hostId = host.id;
  await vi.waitFor(() => expect(state()).toBe('connected'), { timeout: 20_000 });
  // The host's events stream is open before the idle window starts.
  await vi.waitFor(() => expect(proxy.lines.some((l) => /\/events/.test(l))).toBe(true), { timeout: 10_000 });
}, 60_000);

afterAll(async () => {
  client?.socket.close();
  await backend?.stop();
  await proxy?.close();
  await docker(lab.engineA.socketPath, 'rm', '-f', container).catch(() => undefined);
}, 30_000);

describe('idle liveness (issue #9: zero engine requests besides the event streams)', () => {
  it('an idle local-socket host gets no requests besides its events stream', async () => {
    const before = proxy.lines.length;
    await sleep(WINDOW_MS);
    expect(proxy.lines.slice(before)).toEqual([]);
    expect(state()).toBe('connected');
  }, 30_000);

  it('a terminal keeps the host pinged while it is open, and only then', async () => {
    const info = await client.api.exec.open({ hostId, containerId: container, cols: 80, rows: 24 });
    const view = viewSession(client.api, info.id);
    await view.waitFor(PROMPT);
    const atOpen = pings();
    await sleep(WINDOW_MS);
    expect(pings() - atOpen).toBeGreaterThanOrEqual(2);

    await client.api.exec.close({ sessionId: info.id });
    await sleep(500); // a ping already under way may still land
    const atClose = pings();
    await sleep(WINDOW_MS);
    expect(pings()).toBe(atClose);
  }, 60_000);

  it('an engine that goes away is still noticed at once: its events stream ends', async () => {
    const started = Date.now();
    await proxy.close(); // every link dropped and nothing listening: a dead engine
    await vi.waitFor(() => expect(state()).toBe('error'), { timeout: 3_000, interval: 50 });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(snapshot?.statuses[hostId]?.error?.message).toBeTruthy();
  }, 20_000);
});
