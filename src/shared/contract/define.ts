import type { z } from 'zod';
import type { Access } from '../policy/method-access';

/**
 * Input fields that name a host, and the access each needs there. A field ending in "hostId" names
 * the host directly; `sessionId` and `uploadId` name it through the session they belong to. A
 * method that declares nothing is judged on its `hostId` with the method's own access.
 */
export type HostFields = Readonly<Record<string, Access>>;

/**
 * Building blocks of the contract. The result/event types are phantom: they exist only for the
 * type checker, because main is trusted and its results need no runtime check.
 */
export interface CallDef<I extends z.ZodType, R> {
  readonly kind: 'call';
  readonly input: I;
  /** Upper bound the dispatcher enforces; the engine call is aborted when it passes. */
  readonly timeoutMs: number;
  readonly hostFields?: HostFields;
  readonly __result?: R;
}

export interface StreamDef<P extends z.ZodType, E> {
  readonly kind: 'stream';
  readonly params: P;
  readonly hostFields?: HostFields;
  readonly __event?: E;
}

export const DEFAULT_CALL_TIMEOUT_MS = 30_000;

export function call<R>() {
  return <I extends z.ZodType>(
    input: I,
    opts: { timeoutMs?: number; hostFields?: HostFields } = {},
  ): CallDef<I, R> => ({
    kind: 'call',
    input,
    timeoutMs: opts.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
    ...(opts.hostFields ? { hostFields: opts.hostFields } : {}),
  });
}

export function stream<E>() {
  return <P extends z.ZodType>(params: P, opts: { hostFields?: HostFields } = {}): StreamDef<P, E> => ({
    kind: 'stream',
    params,
    ...(opts.hostFields ? { hostFields: opts.hostFields } : {}),
  });
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
