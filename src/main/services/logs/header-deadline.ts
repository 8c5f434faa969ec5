import { AppError } from '@shared/contract';

/**
 * Signal that aborts when `parent` does, or after `ms` unless `settled()` was called first. The
 * timer must not outlive the response headers, because the same signal guards the whole stream.
 */
export function headerDeadline(parent: AbortSignal, ms: number, what: string) {
  const controller = new AbortController();
  const onAbort = () => controller.abort(parent.reason);
  if (parent.aborted) onAbort();
  else parent.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    controller.abort(
      new AppError({ code: 'TIMEOUT', message: `The engine did not answer ${what} within ${ms / 1000} s.` }),
    );
  }, ms);
  return { signal: controller.signal, settled: () => clearTimeout(timer) };
}
