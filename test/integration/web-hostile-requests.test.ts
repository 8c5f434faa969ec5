import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../src/main/app/backend';
import { startWebServer, type WebServer } from '../../src/main/web/web-server';
import { connectWs } from './support/ws-client';

let backend: Backend;
let server: WebServer;
let configDir: string;
let rendererDir: string;
const logged: string[] = [];
const log = {
  info: (msg: string) => logged.push(msg),
  error: (msg: string, detail?: unknown) =>
    logged.push(`${msg} ${detail === undefined ? '' : String(detail)}`),
};

beforeAll(async () => {
  configDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-it-'));
  rendererDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-renderer-'));
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Berthmaster</title>');
  backend = await createBackend({ configDir, env: {}, homeDir: '/nonexistent-home', log });
  server = await startWebServer({ dispatcher: backend.dispatcher, rendererDir, port: 0, log });
});

afterAll(async () => {
  await server?.close();
  backend?.dispose();
  await fs.rm(configDir, { recursive: true, force: true });
  await fs.rm(rendererDir, { recursive: true, force: true });
});

/** Sends bytes as they are (no client library normalises them) and returns the raw answer. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d: Buffer) => {
      answer += d.toString('latin1');
      // An accepted upgrade stays open: its status line is all we need.
      if (answer.startsWith('HTTP/1.1 101')) socket.destroy();
    });
    socket.on('end', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.write(request);
  });
}

const host = () => `127.0.0.1:${server.port}`;
const get = (target: string, extra = '') =>
  raw(`GET ${target} HTTP/1.1\r\nHost: ${host()}\r\nConnection: close\r\n${extra}\r\n`);
const upgrade = (target: string) =>
  raw(
    `GET ${target} HTTP/1.1\r\nHost: ${host()}\r\nOrigin: http://${host()}\r\nConnection: Upgrade\r\n` +
      'Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
  );
const status = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

async function stillServing() {
  expect(status(await get('/'))).toBe(200);
  const { api, socket } = await connectWs(server.port, server.token);
  expect(Array.isArray(await api.hosts.list({}))).toBe(true);
  socket.close();
}

describe('browser mode survives malformed requests', () => {
  it.each([
    ['//[', 'an unparseable authority'],
    ['/%', 'bad percent-encoding'],
    ['/%E0%A4%A', 'a truncated UTF-8 sequence'],
    [`//[?token=x`, 'an authority with a query'],
    ['/a%00b', 'a NUL byte'],
    ['*', 'an asterisk target'],
    ['http://[/', 'an absolute target that is not a URL'],
  ])('answers 400 to %s (%s) and keeps serving', async (target) => {
    expect(status(await get(target))).toBe(400);
    expect(status(await upgrade(target))).toBe(400);
    await stillServing();
  });

  it('answers 400 to a request line Node cannot parse, and keeps serving', async () => {
    expect(status(await raw('GET / HTTP/1.1\r\nHost: \x01\x02\r\n\u0000\r\n\r\n'))).toBe(400);
    expect(status(await raw('NOT HTTP AT ALL\r\n\r\n'))).toBe(400);
    await stillServing();
  });

  it('logs the shape of a refused request, never its attacker-chosen text', async () => {
    logged.length = 0;
    const evil = '/rpc?token=wrong&x=%0Aforged-line';
    expect(status(await upgrade(evil))).toBe(401);
    const forged = `GET /rpc HTTP/1.1\r\nHost: evil.example\r\nOrigin: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`;
    expect(status(await raw(forged))).toBe(403);
    await vi.waitFor(() => expect(logged.length).toBeGreaterThan(1));
    const text = logged.join('\n');
    expect(text).not.toContain('evil.example');
    expect(text).not.toContain('forged-line');
    expect(text).not.toContain('\u001b');
  });
});

describe('the token travels only on the RPC WebSocket', () => {
  it('serves static files without a token or cookie, and refuses the WebSocket without the token', async () => {
    const page = await get('/');
    expect(status(page)).toBe(200);
    expect(page.toLowerCase()).not.toContain('set-cookie');
    const withToken = await get(`/?token=${server.token}`);
    expect(withToken.toLowerCase()).not.toContain('set-cookie');
    expect(withToken).not.toContain(server.token);
    expect(status(await upgrade('/rpc'))).toBe(401);
    // A cookie is no longer a credential: a page on another 127.0.0.1 port gets nothing from one.
    const cookieOnly = await raw(
      `GET /rpc HTTP/1.1\r\nHost: ${host()}\r\nOrigin: http://${host()}\r\nCookie: berthmaster_token=${server.token}\r\n` +
        'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    expect(status(cookieOnly)).toBe(401);
    expect(status(await upgrade(`/rpc?token=${server.token}`))).toBe(101);
  });
});

describe('malformed envelopes are logged by shape', () => {
  it('never writes a value of a malformed or unknown message to the log', async () => {
    logged.length = 0;
    const { socket, raw: send } = await connectWs(server.port, server.token);
    const secret = 'hunter2-SECRET-in-an-envelope';
    send(JSON.stringify({ t: 'call', id: -1, method: 'hosts.list', input: { password: secret } }));
    send(JSON.stringify({ t: `x\n${secret}\u001b[2J`, id: 7, input: secret }));
    send(JSON.stringify([secret]));
    send(JSON.stringify({ [`${secret}\nkey`]: 1 }));
    await vi.waitFor(() => expect(logged.filter((l) => l.startsWith('dropped')).length).toBe(4));
    const text = logged.join('\n');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('\u001b');
    expect(text).toContain('password:string(');
    socket.close();
  });
});
