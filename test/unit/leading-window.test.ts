import { afterEach, describe, expect, it, vi } from 'vitest';
import { leadingWindow } from '@shared/lib/leading-window';

afterEach(() => {
  vi.useRealTimers();
});

describe('leadingWindow', () => {
  it('runs a lone request on the next turn, without waiting for the window', async () => {
    vi.useFakeTimers();
    const runs: number[] = [];
    const w = leadingWindow(() => runs.push(Date.now()), { windowMs: 50, now: () => Date.now() });
    const t0 = Date.now();
    w.request();
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toEqual([t0]);
  });

  it('coalesces a burst into one run at its start and one at the end of the window', async () => {
    vi.useFakeTimers();
    const runs: number[] = [];
    const w = leadingWindow(() => runs.push(Date.now()), { windowMs: 50, now: () => Date.now() });
    const t0 = Date.now();
    w.request();
    w.request();
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(5);
      w.request();
    }
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toEqual([t0, t0 + 50]);
    // Quiet since: the next request runs at once again.
    w.request();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toEqual([t0, t0 + 50, t0 + 125]);
  });

  it('uses the given "soon" for a request after a quiet window, so a turn\'s requests travel together', () => {
    const queued: (() => void)[] = [];
    let runs = 0;
    const w = leadingWindow(() => (runs += 1), { windowMs: 50, soon: (fn) => queued.push(fn) });
    w.request();
    w.request();
    expect(queued).toHaveLength(1);
    queued[0]!();
    expect(runs).toBe(1);
  });

  it('drops a pending run when cancelled', async () => {
    vi.useFakeTimers();
    let runs = 0;
    const w = leadingWindow(() => (runs += 1), { windowMs: 50, now: () => Date.now() });
    w.request();
    w.cancel();
    await vi.advanceTimersByTimeAsync(0);
    w.request();
    await vi.advanceTimersByTimeAsync(0);
    w.request();
    w.cancel();
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(1);
  });
});
