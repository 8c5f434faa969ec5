import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EngineEvent, EventBatch } from '@shared/contract';
import { startTestBackend } from './support/backend';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { connectWs } from './support/ws-client';

let lab: Lab;
let t: Awaited<ReturnType<typeof startTestBackend>>;
let localId: string;

beforeAll(async () => {
  lab = loadLab();
  t = await startTestBackend();
  localId = t.backend.hosts.list()[0]?.id as string;
  await vi.waitFor(() => expect(t.backend.hosts.snapshot().statuses[localId]?.state).toBe('connected'), {
    timeout: 15_000,
  });
});
afterAll(async () => {
  await t?.stop();
});

describe('engine events', () => {
  it('delivers create, start, die and destroy in order, with a resync first', async () => {
    const { api, socket } = await connectWs(t.server.port, t.server.token);
    const batches: EventBatch[] = [];
    const sub = api.events.watch({ hostId: localId }, { onEvent: (b) => batches.push(b) });
    await vi.waitFor(() => expect(batches[0]?.resync).toEqual([localId]));
    // The engine stream opens asynchronously; give it a moment to be attached.
    await vi.waitFor(() => expect(t.backend.hosts.snapshot().statuses[localId]?.state).toBe('connected'));
    await new Promise((r) => setTimeout(r, 300));
    const name = uniqueName('ev');
    await docker(
      lab.engineA.socketPath,
      'run',
      '--name',
      name,
      '--label',
      'berthmaster.test=1',
      lab.image,
      'true',
    );
    await docker(lab.engineA.socketPath, 'rm', name);
    const mine = () =>
      batches
        .flatMap((b) => b.events)
        .filter((e: EngineEvent) => e.type === 'container' && e.name === name)
        .map((e) => e.action);
    await vi.waitFor(() => expect(mine()).toContain('destroy'), { timeout: 10_000 });
    const order = ['create', 'start', 'die', 'destroy'].map((a) => mine().indexOf(a));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const recent = await api.events.recent({ hostId: localId, limit: 1000 });
    expect(recent.some((e) => e.name === name && e.action === 'destroy')).toBe(true);
    sub.close();
    socket.close();
  });

  it('leaks no listeners after 50 subscribe/unsubscribe cycles', async () => {
    const { api, socket } = await connectWs(t.server.port, t.server.token);
    const before = { listeners: t.backend.events.listenerCount(), watchers: t.backend.hosts.watcherCount() };
    for (let i = 0; i < 50; i++) {
      const got: EventBatch[] = [];
      const sub = api.events.watch({}, { onEvent: (b) => got.push(b) });
      await vi.waitFor(() => expect(got.length).toBeGreaterThan(0));
      sub.close();
    }
    await vi.waitFor(() => expect(t.backend.events.listenerCount()).toBe(before.listeners));
    expect(t.backend.hosts.watcherCount()).toBe(before.watchers);
    // Still one engine stream per connected host, however many subscribers came and went.
    expect(t.backend.events.openStreams()).toBe(1);
    socket.close();
  });
});
