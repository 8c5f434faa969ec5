import { AppError, type AppErrorShape, type HostsSnapshot } from '@shared/contract';

/** The part of the hosts service a long-lived stream needs to follow its host's health. */
export interface HostWatch {
  watch(listener: (s: HostsSnapshot) => void): () => void;
  /** Runs the host's heartbeat now: a stream that broke is often the first to know. */
  checkNow(id: string): void;
}

/** Why a host counts as lost, from a snapshot; undefined while it is connected. */
export function hostLoss(snap: HostsSnapshot, hostId: string): AppErrorShape | undefined {
  if (!snap.hosts.some((h) => h.id === hostId)) {
    return { code: 'NOT_FOUND', message: 'The host was removed.' };
  }
  const status = snap.statuses[hostId];
  if (status?.state === 'connected') return undefined;
  return (
    status?.error ?? {
      code: 'ENGINE_UNREACHABLE',
      message:
        status?.state === 'connecting' ? 'Reconnecting to the engine.' : 'The engine is not connected.',
    }
  );
}

/**
 * Calls `onLost` once when the host leaves the connected state (heartbeat failure, cut link,
 * removal). Open engine streams use it to tear down within the heartbeat instead of waiting for
 * TCP to notice, which on a cut link can take minutes. Returns the unsubscribe function.
 */
export function onHostLost(
  hosts: HostWatch,
  hostId: string,
  onLost: (error: AppErrorShape) => void,
): () => void {
  let fired = false;
  // The watcher calls back synchronously with the current state, before `watch` returns.
  const handle: { stop?: () => void } = {};
  handle.stop = hosts.watch((snap) => {
    if (fired) return;
    const loss = hostLoss(snap, hostId);
    if (!loss) return;
    fired = true;
    onLost(loss);
    handle.stop?.();
  });
  if (fired) handle.stop();
  return () => handle.stop?.();
}

/**
 * Resolves once the host is connected (at once if it is), rejects when the host is removed or
 * `signal` aborts. Listens to state changes: no polling while a host is down.
 */
export function whenConnected(hosts: HostWatch, hostId: string, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    let settled = false;
    const handle: { stop?: () => void } = {};
    const finish = (err?: unknown) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      handle.stop?.();
      if (err === undefined) resolve();
      else reject(err);
    };
    const onAbort = () => finish(signal.reason ?? new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    handle.stop = hosts.watch((snap) => {
      const loss = hostLoss(snap, hostId);
      if (!loss) finish();
      else if (loss.code === 'NOT_FOUND') finish(new AppError(loss));
    });
    if (settled) handle.stop();
  });
}

/** A pause that ends early (rejecting) when `signal` aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
