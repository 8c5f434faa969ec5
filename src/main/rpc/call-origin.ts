import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestOrigin } from '@shared/contract';

/**
 * The contract call or subscription on whose behalf code runs. The dispatcher sets it around every
 * handler; the API log reads it when an engine request starts, so each request names the click
 * that caused it. Work that outlives a call on purpose (heartbeats) runs outside it.
 */
export const callOrigin = new AsyncLocalStorage<RequestOrigin>();

/** Runs `fn` with no origin: for background work started from inside a call (reconnects, timers). */
export function withoutOrigin<T>(fn: () => T): T {
  return callOrigin.exit(fn);
}
