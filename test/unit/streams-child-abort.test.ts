import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { headerDeadline } from '../../src/main/services/logs/header-deadline';
import { childAbort, withChildAbort } from '../../src/main/streams/child-abort';

const listeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

/** One retry attempt as the resilient streams make them: a request guarded by a header deadline. */
function request(signal: AbortSignal): Promise<void> {
  const guard = headerDeadline(signal, 60_000, 'a test request');
  guard.settled();
  return Promise.resolve();
}

describe('childAbort', () => {
  it('aborts with the parent, passing its reason on', () => {
    const parent = new AbortController();
    const child = childAbort(parent.signal);
    const reason = new Error('subscriber left');
    parent.abort(reason);
    expect(child.signal.aborted).toBe(true);
    expect(child.signal.reason).toBe(reason);
  });

  it('is aborted at once under an aborted parent', () => {
    const parent = new AbortController();
    parent.abort('gone');
    const child = childAbort(parent.signal);
    expect(child.signal.aborted).toBe(true);
    expect(child.signal.reason).toBe('gone');
  });

  it('no longer follows the parent once unlinked', () => {
    const parent = new AbortController();
    const child = childAbort(parent.signal);
    child.unlink();
    child.unlink();
    parent.abort();
    expect(child.signal.aborted).toBe(false);
  });

  it('leaves no listener on the parent after many attempts, where sharing it piles them up', async () => {
    // Ten: one more and Node warns about the shared signal (MaxListenersExceededWarning).
    const attempts = 10;
    const shared = new AbortController();
    for (let i = 0; i < attempts; i++) await request(shared.signal);
    // The leak being fixed: every attempt's header deadline stays on the shared signal.
    expect(listeners(shared.signal)).toBe(attempts);

    const parent = new AbortController();
    for (let i = 0; i < attempts; i++) await withChildAbort(parent.signal, request);
    for (let i = 0; i < attempts; i++) {
      const attempt = childAbort(parent.signal);
      await request(attempt.signal);
      expect(listeners(parent.signal)).toBe(1);
      attempt.unlink();
    }
    expect(listeners(parent.signal)).toBe(0);
  });

  it('unlinks an attempt that fails, and passes its error on', async () => {
    const parent = new AbortController();
    const failing = withChildAbort(parent.signal, async (signal) => {
      await request(signal);
      throw new Error('engine unreachable');
    });
    await expect(failing).rejects.toThrow('engine unreachable');
    expect(listeners(parent.signal)).toBe(0);
  });
});
