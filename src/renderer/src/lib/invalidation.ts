import { leadingWindow, type LeadingWindow } from '@shared/lib/leading-window';

/** Resource kinds whose lists change when the engine says so. */
export type ResourceKind = 'container' | 'image' | 'network' | 'volume' | 'swarm';

/**
 * A host's list of one kind changed: `ids` are the objects the engine named since the last call,
 * or undefined when anything may have changed (a resync, an event without an id).
 */
type Listener = (hostId: string, ids: ReadonlySet<string> | undefined) => void;

const listeners = new Map<ResourceKind, Set<Listener>>();

interface Pending {
  window: LeadingWindow;
  /** Ids named since the last run; undefined once something unnamed changed. */
  ids: Set<string> | undefined;
}
const pending = new Map<string, Pending>();

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

/** Something changed on a host (the object `id`, when known): the lists of that kind refetch soon. */
export function invalidate(kind: ResourceKind, hostId: string, id?: string): void {
  const key = `${kind}|${hostId}`;
  let p = pending.get(key);
  if (!p) {
    const entry: Pending = {
      ids: new Set(),
      window: leadingWindow(
        () => {
          const ids = entry.ids;
          entry.ids = new Set();
          for (const fn of listeners.get(kind) ?? []) fn(hostId, ids);
        },
        { windowMs: WINDOW_MS, soon },
      ),
    };
    pending.set(key, (p = entry));
  }
  if (id === undefined) p.ids = undefined;
  else p.ids?.add(id);
  p.window.request();
}

export function invalidateAll(hostId: string): void {
  for (const kind of ['container', 'image', 'network', 'volume', 'swarm'] as const) invalidate(kind, hostId);
}
