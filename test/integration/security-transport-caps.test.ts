import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../src/main/app/backend';
import { MAX_MESSAGE_BYTES } from '../../src/main/security/message-size';
import { startWebServer, type WebServer } from '../../src/main/web/web-server';
import { loadLab } from './support/lab';
import { connectWs } from './support/ws-client';

let backend: Backend;
let server: WebServer;
let configDir: string;
let rendererDir: string;
const refused: string[] = [];

beforeAll(async () => {
  loadLab();
  configDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-it-caps-'));
  rendererDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-renderer-'));
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Berthmaster</title>');
  const log = { info: () => undefined, error: (msg: string) => refused.push(msg) };
  backend = await createBackend({ configDir, env: {}, homeDir: '/nonexistent-home', log });
  server = await startWebServer({ dispatcher: backend.dispatcher, rendererDir, port: 0, log });
});

afterAll(async () => {
  await server?.close();
  backend?.dispose();
  await fs.rm(configDir, { recursive: true, force: true });
  await fs.rm(rendererDir, { recursive: true, force: true });
});

/**
 * A WebSocket opened by hand, so a frame can announce a length it never sends: the answer shows
 * whether the server waits to buffer the payload or refuses it from the header alone.
 */
async function rawSocket(): Promise<{ socket: net.Socket; received: () => Buffer }> {
  const socket = net.connect(server.port, '127.0.0.1');
  let buf = Buffer.alloc(0);
  socket.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
  });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(
    [
      `GET /rpc?token=${server.token} HTTP/1.1`,
      `Host: 127.0.0.1:${server.port}`,
      `Origin: http://127.0.0.1:${server.port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
  );
  await expect.poll(() => buf.toString('latin1')).toMatch(/^HTTP\/1\.1 101/);
  const headerEnd = buf.indexOf('\r\n\r\n') + 4;
  buf = buf.subarray(headerEnd);
  return { socket, received: () => buf };
}

describe('message size caps', () => {
  it('a frame announcing more than 4 MiB is refused from its header, before any payload', async () => {
    const { socket, received } = await rawSocket();
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    // FIN + text frame, masked, 64-bit length: 1 GiB announced, not one payload byte sent.
    const header = Buffer.alloc(14);
    header[0] = 0x81;
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(1024 * 1024 * 1024), 2);
    randomBytes(4).copy(header, 10);
    socket.write(header);
    await closed;
    // The server's close frame: opcode 8, status 1009 (message too big).
    const frame = received();
    expect(frame[0]).toBe(0x88);
    expect(frame.readUInt16BE(2)).toBe(1009);
  });

  it('an oversized message closes the socket with 1009; the server keeps serving', async () => {
    const bystander = await connectWs(server.port, server.token);
    const big = await connectWs(server.port, server.token);
    const code = new Promise<number>((resolve) => big.socket.once('close', (c: number) => resolve(c)));
    big.raw(
      JSON.stringify({
        t: 'call',
        id: 1,
        method: 'hosts.add',
        input: { name: 'x'.repeat(MAX_MESSAGE_BYTES) },
      }),
    );
    expect(await code).toBe(1009);
    // The other connection and new ones still work, and nothing was added.
    expect((await bystander.api.hosts.list({})).map((h) => h.name)).toEqual(['local']);
    const fresh = await connectWs(server.port, server.token);
    expect(await fresh.api.hosts.list({})).toHaveLength(1);
    // Just under the cap is a normal (if invalid) message: a typed error, not a close.
    await expect(
      fresh.api.hosts.add({ name: 'y'.repeat(MAX_MESSAGE_BYTES - 4096), color: '#000000' } as never),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(fresh.socket.readyState).toBe(fresh.socket.OPEN);
    bystander.socket.close();
    fresh.socket.close();
  });
});
