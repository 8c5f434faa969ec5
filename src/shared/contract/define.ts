import type { z } from 'zod';

/**
 * Building blocks of the contract. The result/event types are phantom: they exist only for the
 * type checker, because main is trusted and its results need no runtime check.
 */
export interface CallDef<I extends z.ZodType, R> {
  readonly kind: 'call';
  readonly input: I;
  /** Upper bound the dispatcher enforces; the engine call is aborted when it passes. */
  readonly timeoutMs: number;
  readonly __result?: R;
}

export interface StreamDef<P extends z.ZodType, E> {
  readonly kind: 'stream';
  readonly params: P;
  readonly __event?: E;
}

export const DEFAULT_CALL_TIMEOUT_MS = 30_000;

export function call<R>() {
  return <I extends z.ZodType>(input: I, opts: { timeoutMs?: number } = {}): CallDef<I, R> => ({
    kind: 'call',
    input,
    timeoutMs: opts.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
  });
}

export function stream<E>() {
  return <P extends z.ZodType>(params: P): StreamDef<P, E> => ({ kind: 'stream', params });
}

export type AnyCall = CallDef<z.ZodType, unknown>;
export type AnyStream = StreamDef<z.ZodType, unknown>;
export type AnyDef = AnyCall | AnyStream;
export type Namespace = Record<string, AnyDef>;
export type ContractShape = Record<string, Namespace>;

export type CallInput<D> = D extends CallDef<infer I, unknown> ? z.input<I> : never;
export type CallParsed<D> = D extends CallDef<infer I, unknown> ? z.output<I> : never;
export type CallResult<D> = D extends CallDef<z.ZodType, infer R> ? R : never;
export type StreamParams<D> = D extends StreamDef<infer P, unknown> ? z.input<P> : never;
export type StreamParsed<D> = D extends StreamDef<infer P, unknown> ? z.output<P> : never;
export type StreamEvent<D> = D extends StreamDef<z.ZodType, infer E> ? E : never;
