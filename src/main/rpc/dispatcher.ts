import type { z } from 'zod';
import { AppError, type AnyDef, type AppErrorShape, type ContractShape } from '@shared/contract';
import { STREAM_WINDOW, type ClientMessage, type ServerMessage } from '@shared/rpc/protocol';
import type { MessageTransport } from '@shared/rpc/transport';
import { callOrigin } from './call-origin';
import { shapeOf } from '../security/log-shape';
import type { Dispose, Handlers, StreamSink } from './handlers';

export interface DispatcherLog {
  error(message: string, detail?: unknown): void;
}

export interface DispatcherOptions<C extends ContractShape> {
  contract: C;
  handlers: Handlers<C>;
  /** Turns anything thrown by a handler into the contract's error shape. */
  mapError(error: unknown): AppErrorShape;
  log: DispatcherLog;
  /**
   * Runs after validation and before the handler, for calls and subscriptions alike; throwing
   * refuses the request (per-host policies live here).
   */
  authorize?(method: string, input: unknown): void;
  /**
   * Subscriptions one connection may hold at once (read per subscription, so a settings change
   * applies at once); beyond it a subscription is refused. Unlimited when absent.
   */
  maxSubscriptions?(): number;
  /** Told the outcome of every call (the audit log listens). */
  onCallSettled?(
    method: string,
    input: unknown,
    outcome: { ok: true } | { ok: false; error: AppErrorShape },
  ): void;
}

export interface Connection {
  /** Live subscriptions: used by tests to prove cleanup. */
  readonly subscriptionCount: number;
  readonly pendingCallCount: number;
  close(): void;
}

const MAX_ID = 2 ** 52;

function invalid(message: string, detail?: string): AppErrorShape {
  return detail === undefined
    ? { code: 'INVALID_INPUT', message }
    : { code: 'INVALID_INPUT', message, detail };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/**
 * Serves a contract over any transport. Every message is checked (shape, method name, input
 * schema) before a handler runs; handlers never see a transport.
 */
export function createDispatcher<C extends ContractShape>(opts: DispatcherOptions<C>) {
  const defs = new Map<string, { def: AnyDef; fn: (...args: never[]) => unknown }>();
  for (const [ns, members] of Object.entries(opts.contract)) {
    const nsHandlers = (opts.handlers as Record<string, Record<string, unknown>>)[ns];
    for (const [name, def] of Object.entries(members)) {
      const fn = nsHandlers?.[name];
      if (typeof fn !== 'function') throw new Error(`No handler for ${ns}.${name}`);
      defs.set(`${ns}.${name}`, { def, fn: fn as (...args: never[]) => unknown });
    }
  }

  let connections = 0;

  function connect(transport: MessageTransport<ClientMessage, ServerMessage>): Connection {
    // Call ids are per connection; the prefix makes them unique in the run (the API log's origin).
    const prefix = `c${++connections}:`;
    const calls = new Map<number, AbortController>();
    const subs = new Map<number, { dispose(): void; credit(n: number): void }>();
    let closed = false;

    const send = (msg: ServerMessage) => {
      if (!closed) transport.send(msg);
    };

    /**
     * Validates and authorizes one call or subscription. A refusal is answered with `refuse` and
     * yields undefined; a refusal by policy is audited too (the audit log skips reads): it is the
     * entry a reviewer most needs to see.
     */
    const admit = (
      method: string,
      schema: z.ZodType,
      input: unknown,
      what: 'input' | 'parameters',
      refuse: (error: AppErrorShape) => void,
    ): { data: unknown } | undefined => {
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        refuse(invalid(`Invalid ${what} for ${method}: ${describeIssues(parsed.error)}.`));
        return undefined;
      }
      try {
        opts.authorize?.(method, parsed.data);
      } catch (error) {
        const shape = opts.mapError(error);
        refuse(shape);
        opts.onCallSettled?.(method, parsed.data, { ok: false, error: shape });
        return undefined;
      }
      return { data: parsed.data };
    };

    const runCall = async (id: number, method: string, input: unknown) => {
      const entry = defs.get(method);
      if (!entry || entry.def.kind !== 'call') {
        return send({ t: 'error', id, error: invalid(`Unknown call "${method}".`) });
      }
      const parsed = admit(method, entry.def.input, input, 'input', (error) =>
        send({ t: 'error', id, error }),
      );
      if (!parsed) return;
      const controller = new AbortController();
      calls.set(id, controller);
      const timeoutMs = entry.def.timeoutMs;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const err = new AppError({
            code: 'TIMEOUT',
            message: `${method} did not finish within ${Math.round(timeoutMs / 1000)} s.`,
          });
          controller.abort(err);
        }, timeoutMs);
        // A cancel or timeout settles the call even if the handler ignores its signal.
        controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {
          once: true,
        });
      });
      try {
        const fn = entry.fn as (i: unknown, c: { signal: AbortSignal }) => unknown;
        const value = await Promise.race([
          callOrigin.run({ method, callId: `${prefix}${id}` }, () =>
            Promise.resolve().then(() => fn(parsed.data, { signal: controller.signal })),
          ),
          timeout,
        ]);
        send({ t: 'result', id, value: value ?? null });
        opts.onCallSettled?.(method, parsed.data, { ok: true });
      } catch (error) {
        const shape = opts.mapError(error);
        if (shape.code === 'INTERNAL') opts.log.error(`${method} failed`, error);
        send({ t: 'error', id, error: shape });
        opts.onCallSettled?.(method, parsed.data, { ok: false, error: shape });
      } finally {
        clearTimeout(timer);
        calls.delete(id);
      }
    };

    const runSubscribe = async (id: number, name: string, params: unknown) => {
      const entry = defs.get(name);
      if (!entry || entry.def.kind !== 'stream') {
        return send({ t: 'end', id, error: invalid(`Unknown stream "${name}".`) });
      }
      if (subs.has(id)) return send({ t: 'end', id, error: invalid('Duplicate subscription id.') });
      const parsed = admit(name, entry.def.params, params, 'parameters', (error) =>
        send({ t: 'end', id, error }),
      );
      if (!parsed) return;
      const max = opts.maxSubscriptions?.();
      if (max !== undefined && subs.size >= max) {
        return send({
          t: 'end',
          id,
          error: {
            code: 'CONFLICT',
            message:
              `This window already has ${max} streams open (logs, stats, terminals…), the limit set in ` +
              'Settings ("Streams per window"). Close some views or raise the limit.',
          },
        });
      }
      const controller = new AbortController();
      let credit = STREAM_WINDOW;
      let waiters: Array<() => void> = [];
      let dispose: Dispose | undefined;
      let ended = false;
      const teardown = () => {
        ended = true;
        subs.delete(id);
        controller.abort();
        for (const w of waiters) w();
        waiters = [];
        try {
          dispose?.();
        } catch (e) {
          opts.log.error(`disposing ${name} failed`, e);
        }
      };
      const finish = (error?: unknown) => {
        if (ended) return;
        teardown();
        if (error === undefined) send({ t: 'end', id });
        else send({ t: 'end', id, error: opts.mapError(error) });
      };
      const sink: StreamSink<unknown> = {
        emit(event) {
          if (ended) return false;
          send({ t: 'event', id, value: event });
          credit--;
          return credit > 0;
        },
        writable() {
          if (credit > 0 || ended) return Promise.resolve();
          return new Promise((resolve) => waiters.push(resolve));
        },
        end: (error?: unknown) => finish(error),
        signal: controller.signal,
      };
      subs.set(id, {
        // Unsubscribed by the client: no end message is owed.
        dispose: teardown,
        credit: (n) => {
          credit = Math.min(STREAM_WINDOW, credit + n);
          if (credit > 0) {
            const ready = waiters;
            waiters = [];
            for (const w of ready) w();
          }
        },
      });
      try {
        const fn = entry.fn as (p: unknown, s: StreamSink<unknown>) => Dispose | Promise<Dispose>;
        const d = await callOrigin.run({ method: name, callId: `${prefix}s${id}` }, () =>
          fn(parsed.data, sink),
        );
        if (ended) d();
        else dispose = d;
      } catch (error) {
        finish(error);
      }
    };

    const isId = (v: unknown): v is number =>
      typeof v === 'number' && Number.isInteger(v) && v > 0 && v < MAX_ID;

    const offMessage = transport.onMessage((raw: unknown) => {
      if (closed) return;
      const msg = raw as Partial<Record<string, unknown>> | null;
      if (typeof msg !== 'object' || msg === null || !isId(msg.id) || typeof msg.t !== 'string') {
        opts.log.error(`dropped a malformed message: ${shapeOf(raw)}`);
        return;
      }
      const id = msg.id;
      switch (msg.t) {
        case 'call':
          if (typeof msg.method !== 'string' || calls.has(id)) {
            send({ t: 'error', id, error: invalid('Malformed call.') });
            return;
          }
          void runCall(id, msg.method, msg.input);
          return;
        case 'cancel':
          calls.get(id)?.abort(new AppError({ code: 'CANCELLED', message: 'The request was cancelled.' }));
          return;
        case 'sub':
          if (typeof msg.stream !== 'string') {
            send({ t: 'end', id, error: invalid('Malformed subscription.') });
            return;
          }
          void runSubscribe(id, msg.stream, msg.params);
          return;
        case 'unsub':
          subs.get(id)?.dispose();
          return;
        case 'ack':
          if (typeof msg.n === 'number' && msg.n > 0) subs.get(id)?.credit(msg.n);
          return;
        default:
          opts.log.error(`dropped a message of unknown type: ${shapeOf(msg)}`);
      }
    });

    const close = () => {
      if (closed) return;
      closed = true;
      offMessage();
      offClose();
      for (const c of calls.values()) c.abort();
      calls.clear();
      for (const s of [...subs.values()]) s.dispose();
      subs.clear();
    };
    const offClose = transport.onClose(close);

    return {
      get subscriptionCount() {
        return subs.size;
      },
      get pendingCallCount() {
        return calls.size;
      },
      close,
    };
  }

  return { connect };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
