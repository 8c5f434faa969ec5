import {
  AppError,
  isAppErrorShape,
  type AnyDef,
  type CallDef,
  type CallInput,
  type CallResult,
  type ContractShape,
  type StreamDef,
  type StreamEvent,
  type StreamParams,
} from '../contract';
import { STREAM_ACK_EVERY, type ClientMessage, type ServerMessage } from './protocol';
import type { MessageTransport } from './transport';

export interface StreamHandlers<E> {
  onEvent(event: E): void;
  /** The stream ended; `error` is set when it failed. Not called after `close()`. */
  onEnd?(error?: AppError): void;
}

export interface Subscription {
  close(): void;
}

type ApiMember<D> =
  D extends CallDef<infer _I, infer _R>
    ? (input: CallInput<D>, opts?: { signal?: AbortSignal }) => Promise<CallResult<D>>
    : D extends StreamDef<infer _P, infer _E>
      ? (params: StreamParams<D>, handlers: StreamHandlers<StreamEvent<D>>) => Subscription
      : never;

export type Api<C extends ContractShape> = {
  [NS in keyof C]: { [M in keyof C[NS]]: ApiMember<C[NS][M]> };
};

/** Extra time the client waits past the server's own timeout before giving up on a reply. */
const CLIENT_GRACE_MS = 5_000;

const lostConnection = () =>
  new AppError({
    code: 'INTERNAL',
    message: "The connection to Berthmaster's backend was lost.",
  });

/** Builds the typed `api` object from the contract over any transport. */
export function createClient<C extends ContractShape>(
  contract: C,
  transport: MessageTransport<ServerMessage, ClientMessage>,
): Api<C> & { dispose(): void } {
  let nextId = 1;
  let closed = false;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: AppError): void }>();
  const streams = new Map<number, { handlers: StreamHandlers<unknown>; unacked: number }>();

  const toError = (shape: unknown) =>
    isAppErrorShape(shape)
      ? new AppError(shape)
      : new AppError({ code: 'INTERNAL', message: 'Malformed error from backend.' });

  const offMessage = transport.onMessage((msg) => {
    switch (msg.t) {
      case 'result':
        pending.get(msg.id)?.resolve(msg.value);
        break;
      case 'error':
        pending.get(msg.id)?.reject(toError(msg.error));
        break;
      case 'event': {
        const s = streams.get(msg.id);
        if (!s) break;
        s.handlers.onEvent(msg.value);
        if (++s.unacked >= STREAM_ACK_EVERY) {
          transport.send({ t: 'ack', id: msg.id, n: s.unacked });
          s.unacked = 0;
        } else {
          scheduleIdleAck(msg.id);
        }
        break;
      }
      case 'end': {
        const s = streams.get(msg.id);
        streams.delete(msg.id);
        s?.handlers.onEnd?.(msg.error ? toError(msg.error) : undefined);
        break;
      }
    }
  });

  // Acks for the tail of a burst, so a quiet stream never leaves the server waiting.
  const idleAcks = new Set<number>();
  function scheduleIdleAck(id: number) {
    if (idleAcks.has(id)) return;
    idleAcks.add(id);
    setTimeout(() => {
      idleAcks.delete(id);
      const s = streams.get(id);
      if (s && s.unacked > 0) {
        transport.send({ t: 'ack', id, n: s.unacked });
        s.unacked = 0;
      }
    }, 0);
  }

  const offClose = transport.onClose(() => failAll());

  function failAll() {
    closed = true;
    for (const p of pending.values()) p.reject(lostConnection());
    pending.clear();
    const subs = [...streams.values()];
    streams.clear();
    for (const s of subs) s.handlers.onEnd?.(lostConnection());
  }

  function doCall(method: string, def: CallDef<never, unknown>, input: unknown, signal?: AbortSignal) {
    return new Promise<unknown>((resolve, reject) => {
      if (closed) return reject(lostConnection());
      if (signal?.aborted) {
        return reject(new AppError({ code: 'CANCELLED', message: 'The request was cancelled.' }));
      }
      const id = nextId++;
      const timer = setTimeout(() => {
        settle();
        transport.send({ t: 'cancel', id });
        reject(
          new AppError({
            code: 'TIMEOUT',
            message: `No reply from the backend to ${method} within ${Math.round((def.timeoutMs + CLIENT_GRACE_MS) / 1000)} s.`,
          }),
        );
      }, def.timeoutMs + CLIENT_GRACE_MS);
      const onAbort = () => {
        settle();
        transport.send({ t: 'cancel', id });
        reject(new AppError({ code: 'CANCELLED', message: 'The request was cancelled.' }));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        pending.delete(id);
      };
      pending.set(id, {
        resolve: (v) => {
          settle();
          resolve(v);
        },
        reject: (e) => {
          settle();
          reject(e);
        },
      });
      transport.send({ t: 'call', id, method, input });
    });
  }

  function doSubscribe(name: string, params: unknown, handlers: StreamHandlers<unknown>): Subscription {
    const id = nextId++;
    if (closed) {
      queueMicrotask(() => handlers.onEnd?.(lostConnection()));
      return { close() {} };
    }
    streams.set(id, { handlers, unacked: 0 });
    transport.send({ t: 'sub', id, stream: name, params });
    return {
      close() {
        if (streams.delete(id) && !closed) transport.send({ t: 'unsub', id });
      },
    };
  }

  const api: Record<string, Record<string, unknown>> = {};
  for (const [ns, members] of Object.entries(contract)) {
    const target: Record<string, unknown> = {};
    for (const [name, def] of Object.entries(members as Record<string, AnyDef>)) {
      const method = `${ns}.${name}`;
      target[name] =
        def.kind === 'call'
          ? (input: unknown, opts?: { signal?: AbortSignal }) =>
              doCall(method, def as CallDef<never, unknown>, input, opts?.signal)
          : (params: unknown, handlers: StreamHandlers<unknown>) => doSubscribe(method, params, handlers);
    }
    api[ns] = target;
  }

  return Object.assign(api as Api<C>, {
    dispose() {
      offMessage();
      offClose();
      failAll();
      transport.close();
    },
  });
}
