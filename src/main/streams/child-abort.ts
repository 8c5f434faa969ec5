/**
 * A child AbortController for one attempt of a long-lived stream: it aborts when `parent` does,
 * and `unlink()` takes its listener off `parent` once the attempt is over. Retrying streams hand
 * each attempt's engine requests the child's signal, so the listeners those requests leave behind
 * (header deadlines, the HTTP client) go with the child instead of piling up on the parent.
 */
export interface ChildAbort {
  readonly signal: AbortSignal;
  /** Stops following `parent` (idempotent); the child itself is left as it is. */
  unlink(): void;
}

export function childAbort(parent: AbortSignal): ChildAbort {
  const controller = new AbortController();
  if (parent.aborted) {
    controller.abort(parent.reason);
    return { signal: controller.signal, unlink: () => undefined };
  }
  const onAbort = () => controller.abort(parent.reason);
  parent.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    unlink: () => parent.removeEventListener('abort', onAbort),
  };
}

/** Runs one attempt on its own child signal, unlinked from `parent` however the attempt ends. */
export async function withChildAbort<T>(
  parent: AbortSignal,
  attempt: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const child = childAbort(parent);
  try {
    return await attempt(child.signal);
  } finally {
    child.unlink();
  }
}
