import { AppError } from '@shared/contract';

/** What one engine call may take before it is given up, unless the caller says otherwise. */
export const REMOTE_CALL_MS = 30_000;

/**
 * One engine call with a time limit of its own, on top of the caller's signal. The call gets a
 * signal that can only fire while it runs, so what it returns (a hijacked exec stream) outlives
 * it; and it is raced, so an engine that ignores the abort still cannot hang the caller. A result
 * that arrives after the limit is handed to `late` (to close a stream nobody will read).
 */
export async function timedCall<T>(
  what: string,
  call: (signal: AbortSignal) => Promise<T>,
  opts: { signal?: AbortSignal; ms?: number; late?: (value: T) => void } = {},
): Promise<T> {
  const ms = opts.ms ?? REMOTE_CALL_MS;
  const started = Date.now();
  const own = new AbortController();
  const timer = setTimeout(() => own.abort(new DOMException('timed out', 'TimeoutError')), ms);
  const parent = opts.signal;
  const follow = () => own.abort(parent?.reason);
  if (parent?.aborted) follow();
  else parent?.addEventListener('abort', follow, { once: true });
  const gaveUp = new Promise<never>((_, reject) => {
    const fail = () => {
      const reason: unknown = own.signal.reason;
      const timedOut = reason instanceof DOMException && reason.name === 'TimeoutError';
      reject(
        timedOut
          ? new AppError({
              code: 'TIMEOUT',
              message: `${what}: the engine did not answer within ${((Date.now() - started) / 1000).toFixed(1)} s.`,
            })
          : new AppError({ code: 'CANCELLED', message: `${what} was cancelled.` }),
      );
    };
    if (own.signal.aborted) fail();
    else own.signal.addEventListener('abort', fail, { once: true });
  });
  const running = call(own.signal);
  running.then(
    (value) => {
      if (own.signal.aborted) opts.late?.(value);
    },
    () => undefined,
  );
  try {
    return await Promise.race([running, gaveUp]);
  } finally {
    clearTimeout(timer);
    parent?.removeEventListener('abort', follow);
  }
}
