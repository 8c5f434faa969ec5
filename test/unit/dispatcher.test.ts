import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError, call, stream, type AppErrorShape } from '@shared/contract';
import { createClient } from '@shared/rpc/client';
import { createMemoryPair } from '@shared/rpc/memory-transport';
import type { ClientMessage, ServerMessage } from '@shared/rpc/protocol';
import { STREAM_WINDOW } from '@shared/rpc/protocol';
import { createDispatcher } from '../../src/main/rpc/dispatcher';
import type { Handlers, StreamSink } from '../../src/main/rpc/handlers';
import { toAppError } from '../../src/main/errors/to-app-error';

const testContract = {
  math: {
    add: call<number>()(z.strictObject({ a: z.number(), b: z.number() })),
    slow: call<string>()(z.strictObject({}), { timeoutMs: 50 }),
    fail: call<void>()(z.strictObject({ status: z.number() })),
    ticks: stream<number>()(z.strictObject({ count: z.number().int().max(1000) })),
  },
};

function setup(overrides: Partial<Handlers<typeof testContract>['math']> = {}) {
  const add = vi.fn(({ a, b }: { a: number; b: number }) => a + b);
  let lastSink: StreamSink<number> | undefined;
  const disposed = vi.fn();
  const handlers: Handlers<typeof testContract> = {
    math: {
      add,
      slow: () => new Promise<string>(() => undefined),
      fail: ({ status }) => {
        throw Object.assign(new Error(`(HTTP code ${status}) x - No such container: web`), {
          statusCode: status,
          json: { message: 'No such container: web' },
        });
      },
      ticks: ({ count }, sink) => {
        lastSink = sink;
        for (let i = 0; i < count; i++) if (!sink.emit(i)) break;
        return disposed;
      },
      ...overrides,
    },
  };
  const dispatcher = createDispatcher({
    contract: testContract,
    handlers,
    mapError: (e) => toAppError(e),
    log: { error: () => undefined },
  });
  const [clientSide, serverSide] = createMemoryPair<ServerMessage, ClientMessage>();
  const conn = dispatcher.connect(serverSide);
  const api = createClient(testContract, clientSide);
  return { api, conn, add, disposed, sink: () => lastSink, clientSide, serverSide };
}

async function rejection(p: Promise<unknown>): Promise<AppErrorShape> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a rejection');
}

describe('dispatcher', () => {
  it('runs a valid call and returns its result', async () => {
    const { api } = setup();
    await expect(api.math.add({ a: 2, b: 40 })).resolves.toBe(42);
  });

  it('rejects input that fails the schema before the handler runs', async () => {
    const { api, add } = setup();
    const err = await rejection(api.math.add({ a: 'two', b: 1 } as unknown as { a: number; b: number }));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toMatch(/math\.add.*a:/);
    expect(add).not.toHaveBeenCalled();
  });

  it('rejects unknown keys (strict schemas)', async () => {
    const { api, add } = setup();
    const err = await rejection(
      api.math.add({ a: 1, b: 2, extra: true } as unknown as { a: number; b: number }),
    );
    expect(err.code).toBe('INVALID_INPUT');
    expect(add).not.toHaveBeenCalled();
  });

  it('rejects unknown methods and malformed envelopes', async () => {
    const { clientSide } = setup();
    const replies: ServerMessage[] = [];
    clientSide.onMessage((m) => replies.push(m));
    clientSide.send({ t: 'call', id: 7, method: 'math.nope', input: {} });
    clientSide.send({ t: 'call', id: 8, method: 'constructor', input: {} });
    clientSide.send({ t: 'call', id: -1, method: 'math.add', input: {} } as ClientMessage);
    await new Promise((r) => setTimeout(r, 10));
    expect(replies).toEqual([
      { t: 'error', id: 7, error: { code: 'INVALID_INPUT', message: 'Unknown call "math.nope".' } },
      { t: 'error', id: 8, error: { code: 'INVALID_INPUT', message: 'Unknown call "constructor".' } },
    ]);
  });

  it('maps engine errors to the typed error shape', async () => {
    const { api } = setup();
    const err = await rejection(api.math.fail({ status: 404 }));
    expect(err).toMatchObject({ code: 'NOT_FOUND', message: 'No such container: web.' });
    expect((await rejection(api.math.fail({ status: 409 }))).code).toBe('CONFLICT');
    expect((await rejection(api.math.fail({ status: 500 }))).code).toBe('ENGINE_ERROR');
  });

  it('times out a call that never finishes, with TIMEOUT', async () => {
    const { api, conn } = setup();
    const err = await rejection(api.math.slow({}));
    expect(err.code).toBe('TIMEOUT');
    expect(conn.pendingCallCount).toBe(0);
  });

  it('streams events and disposes the handler on unsubscribe', async () => {
    const { api, conn, disposed } = setup();
    const got: number[] = [];
    const sub = api.math.ticks({ count: 3 }, { onEvent: (n) => got.push(n) });
    await vi.waitFor(() => expect(got).toEqual([0, 1, 2]));
    expect(conn.subscriptionCount).toBe(1);
    sub.close();
    await vi.waitFor(() => expect(conn.subscriptionCount).toBe(0));
    expect(disposed).toHaveBeenCalledTimes(1);
  });

  it('disposes every subscription when the connection closes', async () => {
    const { api, conn, disposed, clientSide } = setup();
    api.math.ticks({ count: 1 }, { onEvent: () => undefined });
    api.math.ticks({ count: 1 }, { onEvent: () => undefined });
    await vi.waitFor(() => expect(conn.subscriptionCount).toBe(2));
    clientSide.close();
    await vi.waitFor(() => expect(conn.subscriptionCount).toBe(0));
    expect(disposed).toHaveBeenCalledTimes(2);
  });

  it('fails pending calls when the transport closes', async () => {
    const { api, clientSide } = setup({ add: () => new Promise<number>(() => undefined) });
    const p = api.math.add({ a: 1, b: 1 });
    clientSide.close();
    expect((await rejection(p)).message).toMatch(/connection .* lost/);
  });

  it('applies backpressure: the sink reports a full window until the client acks', async () => {
    const { api, sink } = setup();
    const got: number[] = [];
    // The client never acks because we stop reading: simulate by a slow consumer that counts.
    api.math.ticks({ count: 1000 }, { onEvent: (n) => got.push(n) });
    await vi.waitFor(() => expect(sink()).toBeDefined());
    // The handler stopped at the window.
    await vi.waitFor(() => expect(got.length).toBe(STREAM_WINDOW));
    const s = sink() as StreamSink<number>;
    // Acks arrive (the client acked as it consumed), so the window reopens.
    await s.writable();
    expect(s.emit(999)).toBe(true);
    await vi.waitFor(() => expect(got.at(-1)).toBe(999));
  });

  it('ends a stream with an error when params are invalid', async () => {
    const { api } = setup();
    const ended = await new Promise<AppError | undefined>((resolve) => {
      api.math.ticks({ count: 5000 }, { onEvent: () => undefined, onEnd: resolve });
    });
    expect(ended?.code).toBe('INVALID_INPUT');
  });
});
