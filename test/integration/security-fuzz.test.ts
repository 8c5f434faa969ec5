import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { contract } from '@shared/contract';
import { decodeJson } from '@shared/rpc/json-codec';
import type { ServerMessage } from '@shared/rpc/protocol';
import { startTestBackend } from './support/backend';
import { countingProxy } from './support/counting-proxy';
import { loadLab } from './support/lab';
import { connectWs } from './support/ws-client';

/** Deterministic PRNG so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const NASTY = [
  '../../images/json',
  '/etc/passwd',
  'x?force=1&v=1',
  'a b',
  '',
  '\u0000',
  'é'.repeat(300),
  '${jndi:x}',
  '<script>',
  'A'.repeat(70_000),
  '__proto__',
];

function randomValue(r: () => number, depth = 0): unknown {
  const pick = Math.floor(r() * 9);
  switch (pick) {
    case 0:
      return null;
    case 1:
      return r() * 1e6 - 5e5;
    case 2:
      return NASTY[Math.floor(r() * NASTY.length)];
    case 3:
      return r() > 0.5;
    case 4:
      return depth > 2 ? [] : [randomValue(r, depth + 1), randomValue(r, depth + 1)];
    case 5:
      return depth > 2 ? {} : { [`k${Math.floor(r() * 5)}`]: randomValue(r, depth + 1) };
    case 6:
      return Number.NaN;
    case 7:
      return -1;
    default:
      return 'NOT-A-VALID-ID!';
  }
}

/**
 * A payload that cannot be valid for any method: either not an object, or an object carrying a key
 * no schema knows (all schemas are strict), plus random corruption of the usual fields.
 */
function invalidPayload(r: () => number, hostId: string): unknown {
  if (r() < 0.3) return randomValue(r);
  const obj: Record<string, unknown> = { hostId: r() < 0.5 ? hostId : randomValue(r), id: randomValue(r) };
  for (const k of ['name', 'all', 'force', 'tail', 'ref', 'endpoint', 'limit'])
    if (r() < 0.3) obj[k] = randomValue(r);
  obj[`fuzz_${Math.floor(r() * 1e6)}`] = randomValue(r);
  if (r() < 0.1) Object.defineProperty(obj, '__proto__', { value: { polluted: true }, enumerable: true });
  return obj;
}

let t: Awaited<ReturnType<typeof startTestBackend>>;
let proxy: Awaited<ReturnType<typeof countingProxy>>;
let hostId: string;

beforeAll(async () => {
  const lab = loadLab();
  t = await startTestBackend();
  proxy = await countingProxy(lab.engineA.socketPath);
  const { api, socket } = await connectWs(t.server.port, t.server.token);
  hostId = (
    await api.hosts.add({
      name: 'fuzzed',
      color: '#123456',
      endpoint: { kind: 'socket', socketPath: proxy.socketPath },
    })
  ).id;
  await vi.waitFor(() => expect(t.backend.hosts.snapshot().statuses[hostId]?.state).toBe('connected'), {
    timeout: 15_000,
  });
  socket.close();
});

afterAll(async () => {
  await t?.stop();
  await proxy?.close();
});

describe('the contract is the only door', () => {
  it('answers 1,000 random and mutated payloads with INVALID_INPUT, and the engine sees none of them', async () => {
    const r = rng(20261127);
    const methods = Object.entries(contract).flatMap(([ns, members]) =>
      Object.entries(members).map(([name, def]) => ({ name: `${ns}.${name}`, kind: def.kind })),
    );
    const ws = new WebSocket(`ws://127.0.0.1:${t.server.port}/rpc?token=${t.server.token}`, {
      headers: { origin: `http://127.0.0.1:${t.server.port}` },
    });
    await new Promise((res, rej) => ws.once('open', res).once('error', rej));
    const replies = new Map<number, ServerMessage>();
    ws.on('message', (d: Buffer) => {
      const m = decodeJson(d.toString('utf8')) as ServerMessage;
      replies.set(m.id, m);
    });
    const before = proxy.requests;
    const sent: Array<{ id: number; method: string }> = [];
    for (let i = 1; i <= 1000; i++) {
      const m = methods[Math.floor(r() * methods.length)] as { name: string; kind: string };
      const payload = invalidPayload(r, hostId);
      const msg =
        m.kind === 'call'
          ? { t: 'call', id: i, method: m.name, input: payload }
          : { t: 'sub', id: i, stream: m.name, params: payload };
      ws.send(JSON.stringify(msg));
      sent.push({ id: i, method: m.name });
    }
    // Envelope junk on top: the server must shrug it off.
    for (const junk of [
      '{',
      '[]',
      '"x"',
      JSON.stringify({ t: 'call' }),
      JSON.stringify({ t: 'nope', id: 5 }),
    ])
      ws.send(junk);
    await vi.waitFor(() => expect(replies.size).toBe(1000), { timeout: 20_000 });
    for (const { id, method } of sent) {
      const reply = replies.get(id) as ServerMessage;
      const error = reply.t === 'error' ? reply.error : reply.t === 'end' ? reply.error : undefined;
      expect(error?.code, `${method} #${id}`).toBe('INVALID_INPUT');
    }
    // Only heartbeat pings (at most one per 5 s) may have reached the engine meanwhile.
    const pings = proxy.requests - before;
    expect(pings).toBeLessThanOrEqual(6);
    // And the server still serves.
    const { api, socket } = await connectWs(t.server.port, t.server.token);
    expect(Array.isArray(await api.containers.list({ hostId, all: true }))).toBe(true);
    socket.close();
    ws.close();
  }, 60_000);

  it('refuses oversized WebSocket messages instead of buffering them', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${t.server.port}/rpc?token=${t.server.token}`, {
      headers: { origin: `http://127.0.0.1:${t.server.port}` },
    });
    await new Promise((res, rej) => ws.once('open', res).once('error', rej));
    const closed = new Promise<number>((res) => ws.once('close', (code) => res(code)));
    ws.send(
      JSON.stringify({ t: 'call', id: 1, method: 'hosts.list', input: { pad: 'x'.repeat(5 * 1024 * 1024) } }),
    );
    expect(await closed).toBe(1009);
  });
});
