import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppError, EventBatch, HostsSnapshot } from '@shared/contract';
import { startTestBackend } from './support/backend';
import { fault } from './support/faults';
import { loadLab, read, type Lab } from './support/lab';
import { connectWs } from './support/ws-client';

let lab: Lab;
let t: Awaited<ReturnType<typeof startTestBackend>>;
let api: Awaited<ReturnType<typeof connectWs>>['api'];
let close: () => void;
let aId: string;
let bId: string;
let snapshot: HostsSnapshot | undefined;
const batches: EventBatch[] = [];

const state = (id: string) => snapshot?.statuses[id]?.state;

beforeAll(async () => {
  lab = loadLab();
  t = await startTestBackend();
  const ws = await connectWs(t.server.port, t.server.token);
  api = ws.api;
  close = () => ws.socket.close();
  aId = (await api.hosts.list({}))[0]?.id as string;
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
  bId = b.id;
  api.hosts.watch({}, { onEvent: (s) => (snapshot = s) });
  api.events.watch({}, { onEvent: (b) => batches.push(b) });
  await vi.waitFor(() => expect([state(aId), state(bId)]).toEqual(['connected', 'connected']), {
    timeout: 20_000,
  });
}, 60_000);

afterAll(async () => {
  // Leave the lab as we found it, whatever happened.
  await fault('b-restore').catch(() => undefined);
  await fault('b-restart').catch(() => undefined);
  close?.();
  await t?.stop();
}, 90_000);

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a failure');
}

describe('host faults', () => {
  it('notices an engine crash within 5 s, keeps the other host answering, and recovers by itself', async () => {
    await fault('b-crash');
    const crashedAt = Date.now();
    await vi.waitFor(() => expect(state(bId)).toBe('error'), { timeout: 5_000, interval: 50 });
    expect(Date.now() - crashedAt).toBeLessThanOrEqual(5_000);
    expect(snapshot?.statuses[bId]?.error?.message).toBeTruthy();
    // The dead host fails fast; the other one is unaffected.
    const started = Date.now();
    const err = await failure(api.containers.list({ hostId: bId, all: true }));
    expect(['ENGINE_UNREACHABLE', 'TIMEOUT']).toContain(err.code);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(Array.isArray(await api.containers.list({ hostId: aId, all: true }))).toBe(true);

    batches.length = 0;
    await fault('b-restart');
    const restartedAt = Date.now();
    await vi.waitFor(() => expect(state(bId)).toBe('connected'), { timeout: 5_000, interval: 50 });
    expect(Date.now() - restartedAt).toBeLessThanOrEqual(5_000);
    // The events stream is back, and says so, so views re-list.
    await vi.waitFor(() => expect(batches.some((b) => b.resync?.includes(bId))).toBe(true), {
      timeout: 5_000,
    });
  }, 60_000);

  it('a cut link fails calls within 10 s while the other host keeps answering', async () => {
    await fault('b-cut');
    try {
      const started = Date.now();
      const [b, a] = await Promise.allSettled([
        api.containers.list({ hostId: bId, all: true }),
        api.containers.list({ hostId: aId, all: true }),
      ]);
      expect(a.status).toBe('fulfilled');
      if (b.status === 'fulfilled') {
        // The call may have squeezed through before the cut bit: the next one must not.
        await vi.waitFor(() => expect(state(bId)).toBe('error'), { timeout: 10_000 });
      } else {
        expect(['ENGINE_UNREACHABLE', 'TIMEOUT']).toContain((b.reason as AppError).code);
      }
      expect(Date.now() - started).toBeLessThanOrEqual(10_500);
      await vi.waitFor(() => expect(state(bId)).toBe('error'), { timeout: 10_500 });
    } finally {
      await fault('b-restore');
    }
    await vi.waitFor(() => expect(state(bId)).toBe('connected'), { timeout: 10_000 });
  }, 60_000);
});
