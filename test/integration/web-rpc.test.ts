import { promises as fs } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { AppError, HostsSnapshot } from '@shared/contract';
import { createBackend, type Backend } from '../../src/main/app/backend';
import { startWebServer, type WebServer } from '../../src/main/web/web-server';
import { countingProxy } from './support/counting-proxy';
import { docker, loadLab, read, uniqueName, type Lab } from './support/lab';
import { connectWs } from './support/ws-client';

let lab: Lab;
let backend: Backend;
let server: WebServer;
let configDir: string;
let rendererDir: string;
const quiet = { info: () => undefined, error: () => undefined };

beforeAll(async () => {
  lab = loadLab();
  configDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-it-'));
  rendererDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-renderer-'));
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Berthmaster</title>');
  backend = await createBackend({ configDir, env: {}, homeDir: '/nonexistent-home', log: quiet });
  server = await startWebServer({ dispatcher: backend.dispatcher, rendererDir, port: 0, log: quiet });
});

afterAll(async () => {
  await server?.close();
  backend?.dispose();
  await fs.rm(configDir, { recursive: true, force: true });
});

function get(pathAndQuery: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: server.port, path: pathAndQuery, headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

function upgradeStatus(url: string, origin: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers: { origin } });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => undefined);
  });
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a rejection');
}

describe('browser mode server', () => {
  it('serves static files without a token (the RPC socket needs it)', async () => {
    expect(await get(`/?token=${server.token}`)).toBe(200);
    expect(await get('/')).toBe(200);
    expect(await get('/?token=wrong')).toBe(200);
  });

  it('refuses foreign Host headers and WebSocket origins with 403', async () => {
    expect(await get(`/?token=${server.token}`, { host: `evil.example:${server.port}` })).toBe(403);
    const url = `ws://127.0.0.1:${server.port}/rpc?token=${server.token}`;
    expect(await upgradeStatus(url, 'http://evil.example')).toBe(403);
    expect(await upgradeStatus(`ws://127.0.0.1:${server.port}/rpc`, `http://127.0.0.1:${server.port}`)).toBe(
      401,
    );
    expect(await upgradeStatus(url, `http://127.0.0.1:${server.port}`)).toBe(101);
  });

  it('starts with one "local" host on first run', async () => {
    const { api, socket } = await connectWs(server.port, server.token);
    const hosts = await api.hosts.list({});
    expect(hosts.map((h) => [h.name, h.endpoint.kind])).toEqual([['local', 'socket']]);
    socket.close();
  });
});

describe('hosts and containers over the WebSocket transport', () => {
  it("adds the TLS host, lists B's own containers, stops and starts one", async () => {
    const name = uniqueName('it-tls');
    await docker(
      lab.engineB.socketPath,
      'run',
      '-d',
      '--stop-timeout',
      '2',
      '--name',
      name,
      lab.image,
      'sleep',
      '600',
    );
    const { api, socket } = await connectWs(server.port, server.token);
    try {
      const host = await api.hosts.add({
        name: 'lab-b-tls',
        color: '#10b981',
        endpoint: {
          kind: 'tls',
          host: lab.engineB.tlsHost,
          port: lab.engineB.tlsPort,
          ca: read(lab.tls.ca),
          cert: read(lab.tls.cert),
          key: read(lab.tls.key),
        },
      });
      expect(host.endpoint).toMatchObject({ kind: 'tls', hasKey: true });
      expect(JSON.stringify(host)).not.toContain('PRIVATE KEY');

      const list = await vi.waitFor(async () => api.containers.list({ hostId: host.id, all: true }), {
        timeout: 15_000,
      });
      const row = list.find((c) => c.name === name);
      expect(row?.state).toBe('running');
      // A's containers are not B's.
      const local = (await api.hosts.list({}))[0];
      const aNames = (await api.containers.list({ hostId: local?.id as string, all: true })).map(
        (c) => c.name,
      );
      expect(aNames).not.toContain(name);

      await api.containers.stop({ hostId: host.id, id: name });
      expect(await docker(lab.engineB.socketPath, 'inspect', '-f', '{{.State.Status}}', name)).toBe('exited');
      await api.containers.start({ hostId: host.id, id: name });
      expect(await docker(lab.engineB.socketPath, 'inspect', '-f', '{{.State.Status}}', name)).toBe(
        'running',
      );
      // Starting a running container is not an error.
      await api.containers.start({ hostId: host.id, id: name });

      const missing = await rejection(api.containers.start({ hostId: host.id, id: 'no-such-container-xyz' }));
      expect(missing.code).toBe('NOT_FOUND');

      await api.containers.remove({ hostId: host.id, id: name, force: true });
      await expect(docker(lab.engineB.socketPath, 'inspect', name)).rejects.toThrow();
      await api.hosts.remove({ id: host.id });
    } finally {
      await docker(lab.engineB.socketPath, 'rm', '-f', name).catch(() => undefined);
      socket.close();
    }
  });

  it('rejects malformed input before any engine request', async () => {
    const proxy = await countingProxy(lab.engineA.socketPath);
    const { api, socket, raw } = await connectWs(server.port, server.token);
    try {
      const host = await api.hosts.add({
        name: 'counted',
        color: '#123456',
        endpoint: { kind: 'socket', socketPath: proxy.socketPath },
      });
      await vi.waitFor(
        async () => {
          const snap = await new Promise<HostsSnapshot>((resolve) => {
            const sub = api.hosts.watch({}, { onEvent: (s) => (sub.close(), resolve(s)) });
          });
          expect(snap.statuses[host.id]?.state).toBe('connected');
        },
        { timeout: 15_000 },
      );
      const before = proxy.requests;
      const bad: unknown[] = [
        { hostId: host.id, id: '../../images/json' },
        { hostId: host.id, id: 'x?force=1' },
        { hostId: 'NOT A HOST', id: 'abc' },
        { hostId: host.id },
        { hostId: host.id, id: 'abc', force: 'yes' },
        { hostId: host.id, id: 'abc', extra: 1 },
        null,
        'string',
      ];
      for (const input of bad) {
        const err = await rejection(api.containers.remove(input as never));
        expect(err.code, JSON.stringify(input)).toBe('INVALID_INPUT');
      }
      raw('{not json');
      raw(
        JSON.stringify({
          t: 'call',
          id: 99,
          method: 'containers.remove',
          input: { hostId: host.id, id: '/etc' },
        }),
      );
      await new Promise((r) => setTimeout(r, 200));
      expect(proxy.requests).toBe(before);
      // And the same call with valid input does reach the engine.
      await rejection(api.containers.start({ hostId: host.id, id: 'no-such-container-xyz' }));
      expect(proxy.requests).toBeGreaterThan(before);
      await api.hosts.remove({ id: host.id });
    } finally {
      socket.close();
      await proxy.close();
    }
  });

  it('moves file bytes both ways as binary frames, not base64 in JSON', async () => {
    const name = uniqueName('it-frames');
    await docker(
      lab.engineA.socketPath,
      'create',
      '--label',
      'berthmaster.test=1',
      '--name',
      name,
      lab.image,
    );
    const { api, socket } = await connectWs(server.port, server.token);
    try {
      const local = (await api.hosts.list({})).find((h) => h.name === 'local');
      if (!local) throw new Error('no local host');
      const target = { hostId: local.id, id: name };
      // Every byte value, twice: base64 or a UTF-8 round trip would change some of them.
      const data = Buffer.concat([
        Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
        Buffer.alloc(256, 0xff),
      ]);
      // Client to server: the chunk goes out as one binary frame (the server used to drop those).
      const { uploadId } = await api.containers.filesUploadStart({
        ...target,
        path: '/tmp',
        files: [{ name: 'all-bytes.bin', size: data.length }],
      });
      await api.containers.filesUploadChunk({ uploadId, bytes: data });
      await api.containers.filesUploadFinish({ uploadId });

      // Server to client: the raw frames of the download.
      const frames: Array<{ isBinary: boolean; data: Buffer }> = [];
      socket.on('message', (d: Buffer, isBinary: boolean) => frames.push({ isBinary, data: d }));
      const parts: Uint8Array[] = [];
      await new Promise<void>((resolve, reject) =>
        api.containers.filesDownload(
          { ...target, path: '/tmp/all-bytes.bin', format: 'file' },
          { onEvent: (ev) => parts.push(ev.bytes), onEnd: (err) => (err ? reject(err) : resolve()) },
        ),
      );
      expect(Buffer.compare(Buffer.concat(parts), data)).toBe(0);
      const withBytes = frames.filter((f) => f.isBinary);
      expect(withBytes.length).toBe(parts.length);
      // The payload holds the file's bytes as they are; no frame carries base64.
      expect(Buffer.concat(withBytes.map((f) => f.data)).includes(data)).toBe(true);
      expect(frames.some((f) => f.data.toString('latin1').includes('$bytes'))).toBe(false);
    } finally {
      socket.close();
      await docker(lab.engineA.socketPath, 'rm', '-f', name);
    }
  });

  it('ends a subscription when its socket drops', async () => {
    const { api, socket } = await connectWs(server.port, server.token);
    const before = backend.hosts.watcherCount();
    const got: HostsSnapshot[] = [];
    api.hosts.watch({}, { onEvent: (s) => got.push(s) });
    await vi.waitFor(() => expect(got.length).toBeGreaterThan(0));
    expect(backend.hosts.watcherCount()).toBe(before + 1);
    socket.terminate();
    await vi.waitFor(() => expect(backend.hosts.watcherCount()).toBe(before));
    await vi.waitFor(() => expect(server.connectionCount()).toBe(0));
  });

  it('persists hosts across a restart of the backend', async () => {
    const { api, socket } = await connectWs(server.port, server.token);
    const added = await api.hosts.add({
      name: 'persisted',
      color: '#abcdef',
      endpoint: { kind: 'tcp', host: '127.0.0.1', port: 1 },
    });
    socket.close();
    const second = await createBackend({ configDir, env: {}, homeDir: '/nonexistent-home', log: quiet });
    try {
      expect(second.hosts.list().map((h) => h.id)).toContain(added.id);
      // The unreachable plain-TCP host reports its reason.
      await vi.waitFor(() => expect(second.hosts.snapshot().statuses[added.id]?.state).toBe('error'));
      expect(second.hosts.snapshot().statuses[added.id]?.error?.code).toBe('ENGINE_UNREACHABLE');
    } finally {
      second.dispose();
    }
  });
});
