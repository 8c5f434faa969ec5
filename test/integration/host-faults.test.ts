import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppError, EventBatch } from '@shared/contract';
import { fault, healEngineB, startFaultBench, withLinkCut, type FaultBench } from './support/faults';

let bench: FaultBench | undefined;
let api: FaultBench['api'];
let aId: string;
let bId: string;
const batches: EventBatch[] = [];

const state = (id: string) => bench?.state(id);

beforeAll(async () => {
  bench = await startFaultBench(20_000);
  ({ api, aId, bId } = bench);
  api.events.watch({}, { onEvent: (b) => batches.push(b) });
}, 60_000);

afterAll(async () => {
  // Leave the lab as we found it, whatever happened.
  await healEngineB();
  await bench?.stop();
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
    expect(bench?.snapshot()?.statuses[bId]?.error?.message).toBeTruthy();
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
    await withLinkCut(async (started) => {
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
    });
    await vi.waitFor(() => expect(state(bId)).toBe('connected'), { timeout: 10_000 });
  }, 60_000);
});
