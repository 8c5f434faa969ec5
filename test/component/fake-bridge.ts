/**
 * A stand-in for the preload bridge, installed before the renderer's rpc client loads (import this
 * first). Tests of renderer logic (busy, error banners, refetch, policy) answer calls here; what an
 * engine does is tested against the real lab engines, not here.
 */
import type { AppErrorShape } from '../../src/shared/contract';

type Answer = (input: Record<string, unknown>) => unknown;

/** Throw this from an answer to make the call fail with that error. */
export class CallError {
  constructor(readonly error: AppErrorShape) {}
}

const answers = new Map<string, Answer>();
/** Every call made, in order: method and input. */
export const calls: { method: string; input: Record<string, unknown> }[] = [];
let listener: ((message: unknown) => void) | undefined;

/** Answers `method` with `answer(input)` from now on (a CallError thrown fails the call). */
export function answer(method: string, fn: Answer): void {
  answers.set(method, fn);
}

export function resetBridge(): void {
  answers.clear();
  calls.length = 0;
}

export function callsOf(method: string): Record<string, unknown>[] {
  return calls.filter((c) => c.method === method).map((c) => c.input);
}

(window as unknown as { berthmaster: unknown }).berthmaster = {
  send(message: { t: string; id: number; method?: string; input?: Record<string, unknown> }) {
    if (message.t !== 'call' || !message.method) return;
    const { id, method } = message;
    const input = message.input ?? {};
    calls.push({ method, input });
    const fn = answers.get(method);
    void Promise.resolve()
      .then(() => {
        if (!fn) throw new CallError({ code: 'INTERNAL', message: `no answer for ${method}` });
        return fn(input);
      })
      .then(
        (value) => listener?.({ t: 'result', id, value }),
        (e: unknown) =>
          listener?.({
            t: 'error',
            id,
            error: e instanceof CallError ? e.error : { code: 'INTERNAL', message: String(e) },
          }),
      );
  },
  onMessage(fn: (message: unknown) => void) {
    listener = fn;
    return () => {
      listener = undefined;
    };
  },
};
