import { leadingWindow, type LeadingWindow } from '@shared/lib/leading-window';

/** Resource kinds whose lists change when the engine says so. */
export type ResourceKind = 'container' | 'image' | 'network' | 'volume' | 'swarm';

type Listener = (hostId: string) => void;

const listeners = new Map<ResourceKind, Set<Listener>>();
const windows = new Map<string, LeadingWindow>();

/**
 * Coalesces bursts (a compose up emits dozens of events) into one refetch per kind and host and
 * window; the first event after a quiet window refetches at once (a trailing 50 ms debounce was
 * most of what a single CLI change took to reach the screen).
 */
const WINDOW_MS = 50;

/** The invalidations of one event batch (one message) run together, after it is handled. */
const soon = (fn: () => void) => queueMicrotask(fn);

/** A store registers how to refetch its list for a host. Returns an unsubscribe function. */
export function onInvalidate(kind: ResourceKind, fn: Listener): () => void {
  let set = listeners.get(kind);
  if (!set) listeners.set(kind, (set = new Set()));
  set.add(fn);
  return () => set.delete(fn);
}

/** Something changed on a host: the lists of that kind refetch soon. */
export function invalidate(kind: ResourceKind, hostId: string): void {
  const key = `${kind}|${hostId}`;
  let w = windows.get(key);
  if (!w) {
    w = leadingWindow(
      () => {
        for (const fn of listeners.get(kind) ?? []) fn(hostId);
      },
      { windowMs: WINDOW_MS, soon },
    );
    windows.set(key, w);
  }
  w.request();
}

export function invalidateAll(hostId: string): void {
  for (const kind of ['container', 'image', 'network', 'volume', 'swarm'] as const) invalidate(kind, hostId);
}
