import type {
  CallDef,
  CallParsed,
  CallResult,
  ContractShape,
  StreamDef,
  StreamEvent,
  StreamParsed,
} from '@shared/contract';

export interface CallContext {
  /** Aborted when the caller cancels, the call times out or the connection closes. */
  signal: AbortSignal;
}

export interface StreamSink<E> {
  /** Sends an event. Returns false when the subscriber's window is full: pause the source. */
  emit(event: E): boolean;
  /** Resolves once the subscriber has room again. */
  writable(): Promise<void>;
  /** Ends the stream from the server side, optionally with an error. */
  end(error?: unknown): void;
  /** Aborted when the subscriber goes away (unsubscribe, window closed, socket dropped). */
  signal: AbortSignal;
}

/** Returned by a stream handler; called exactly once when the subscription ends for any reason. */
export type Dispose = () => void;

type HandlerFor<D> =
  D extends CallDef<infer _I, infer _R>
    ? (input: CallParsed<D>, ctx: CallContext) => Promise<CallResult<D>> | CallResult<D>
    : D extends StreamDef<infer _P, infer _E>
      ? (params: StreamParsed<D>, sink: StreamSink<StreamEvent<D>>) => Dispose | Promise<Dispose>
      : never;

/** What main must implement: one function per contract member, typed from the contract. */
export type Handlers<C extends ContractShape> = {
  [NS in keyof C]: { [M in keyof C[NS]]: HandlerFor<C[NS][M]> };
};
