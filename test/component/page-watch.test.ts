import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppError } from '@shared/contract';
import type { StreamHandlers } from '@shared/rpc/client';
import { pageWatch } from '../../src/renderer/src/stores/page-watch';

/** A stream opener that records each open and lets the test end the newest stream. */
function opener() {
  const opened: StreamHandlers<number>[] = [];
  const closed: number[] = [];
  const open = (handlers: StreamHandlers<number>) => {
    opened.push(handlers);
    const n = opened.length;
    return { close: () => closed.push(n) };
  };
  return { open, opened, closed };
}

afterEach(() => vi.useRealTimers());

describe('pageWatch: a stream followed for the life of the page', () => {
  it('opens once however often it is started, and passes events on', () => {
    const o = opener();
    const seen: number[] = [];
    const start = pageWatch<number>({ open: o.open, onEvent: (e) => seen.push(e), onEnd: () => undefined });
    start();
    start();
    expect(o.opened).toHaveLength(1);
    o.opened[0]!.onEvent(7);
    expect(seen).toEqual([7]);
  });

  it('opens again after the delay onEnd asks for, and not when it asks for none', () => {
    vi.useFakeTimers();
    const o = opener();
    const ends: Array<AppError | undefined> = [];
    const start = pageWatch<number>({
      open: o.open,
      onEvent: () => {},
      onEnd: (error) => {
        ends.push(error);
        return error ? undefined : 1000;
      },
    });
    start();
    o.opened[0]!.onEnd?.();
    vi.advanceTimersByTime(999);
    expect(o.opened).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(o.opened).toHaveLength(2);
    o.opened[1]!.onEnd?.({ code: 'INTERNAL', message: 'boom' } as AppError);
    vi.advanceTimersByTime(60_000);
    expect(o.opened).toHaveLength(2);
    expect(ends.map((e) => e?.code)).toEqual([undefined, 'INTERNAL']);
    // Ended for good, a later start opens it again.
    start();
    expect(o.opened).toHaveLength(3);
  });
});
