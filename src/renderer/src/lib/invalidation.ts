/** Resource kinds whose lists change when the engine says so. */
export type ResourceKind = 'container' | 'image' | 'network' | 'volume' | 'swarm';

type Listener = (hostId: string) => void;

const listeners = new Map<ResourceKind, Set<Listener>>();
const timers = new Map<string, ReturnType<typeof setTimeout>>();

/** Coalesces bursts (a compose up emits dozens of events) into one refetch per kind and host. */
const DEBOUNCE_MS = 50;

/** A store registers how to refetch its list for a host. Returns an unsubscribe function. */
export function onInvalidate(kind: ResourceKind, fn: Listener): () => void {
  let set = listeners.get(kind);
  if (!set) listeners.set(kind, (set = new Set()));
  set.add(fn);
  return () => set.delete(fn);
}

/** Something changed on a host: the lists of that kind refetch shortly. */
export function invalidate(kind: ResourceKind, hostId: string): void {
  const key = `${kind}|${hostId}`;
  if (timers.has(key)) return;
  timers.set(
    key,
    setTimeout(() => {
      timers.delete(key);
      for (const fn of listeners.get(kind) ?? []) fn(hostId);
    }, DEBOUNCE_MS),
  );
}

export function invalidateAll(hostId: string): void {
  for (const kind of ['container', 'image', 'network', 'volume', 'swarm'] as const) invalidate(kind, hostId);
}
