/**
 * A stand-in for the renderer's rpc/api module in component tests, for views that call `invoke`
 * directly (tests of store logic answer through fake-bridge.ts instead):
 *   vi.mock('../../src/renderer/src/rpc/api', () => import('./recording-api'));
 * Every invoke is recorded in `calls`; it answers with what `answerInvoke` was given (a throw
 * fails the call). What an engine does is tested against the lab engines, not here.
 */
type Answer = (method: string, input: unknown) => unknown;

export const calls: { method: string; input: unknown }[] = [];
let answer: Answer = () => undefined;

export function answerInvoke(fn: Answer): void {
  answer = fn;
}

/** Forgets the calls made so far (call it after each test). */
export function resetInvoke(): void {
  calls.length = 0;
}

/** Typed-client reads answer with an empty list. */
export const api = new Proxy({}, { get: () => new Proxy({}, { get: () => async () => [] }) });

export async function invoke(method: string, input: unknown): Promise<unknown> {
  calls.push({ method, input });
  return answer(method, input);
}
