import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Socket } from 'node:net';

/**
 * A deliberately hostile "engine" on a unix socket: it answers the handshake like Docker, then
 * misbehaves per path. Only for what the app must survive; real behaviour is tested on real engines.
 * - /events: one endless line, never a newline
 * - /containers/json: a body of hundreds of MB
 * - /images/json: the connection reset in the middle of the JSON
 * - /networks: a slow drip that never completes
 * - container `fwd-target` runs; helper containers can be created, started and removed, but an
 *   exec create never answers (a port forward's relay must give up and leave nothing behind)
 */
export async function hostileEngine() {
  const socketPath = path.join(os.tmpdir(), `berthmaster-hostile-${process.pid}-${Date.now()}.sock`);
  const sockets = new Set<Socket>();
  const stats = {
    eventBytes: 0,
    eventsOpen: 0,
    hugeBytes: 0,
    dripsOpen: 0,
    execsOpen: 0,
    helpers: new Set<string>(),
    helpersMade: 0,
  };
  const json = (res: http.ServerResponse, value: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  const server = http.createServer((req, res) => {
    const p = (req.url ?? '/').replace(/^\/v1\.\d+/, '').split('?')[0];
    if (p === '/_ping') return void res.end('OK');
    if (p === '/version')
      return json(res, { ApiVersion: '1.43', Version: '24.0.0', Os: 'linux', Arch: 'amd64' });
    if (p === '/info') return json(res, { ID: 'hostile', Name: 'hostile', OSType: 'linux', NCPU: 1 });
    if (p === '/events') {
      res.writeHead(200, { 'content-type': 'application/json' });
      stats.eventsOpen++;
      const chunk = Buffer.alloc(256 * 1024, 'x');
      res.write('{"Type":"container","Action":"');
      const timer = setInterval(() => {
        res.write(chunk);
        stats.eventBytes += chunk.length;
      }, 2);
      res.on('close', () => {
        clearInterval(timer);
        stats.eventsOpen--;
      });
      return;
    }
    if (p === '/containers/json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      const row = Buffer.from(`${JSON.stringify({ Id: 'a'.repeat(64), Names: ['/x'], Labels: {} })},`);
      const chunk = Buffer.concat(Array.from({ length: Math.ceil((1024 * 1024) / row.length) }, () => row));
      res.write('[');
      let open = true;
      res.on('close', () => (open = false));
      const pump = () => {
        while (open && stats.hugeBytes < 700 * 1024 * 1024) {
          stats.hugeBytes += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (open) res.end('{}]');
      };
      pump();
      return;
    }
    if (p === '/images/json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[{"Id":"sha256:0123');
      setTimeout(() => req.socket.destroy(), 20);
      return;
    }
    if (p === '/networks') {
      res.writeHead(200, { 'content-type': 'application/json' });
      stats.dripsOpen++;
      res.write('[');
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => {
        clearInterval(timer);
        stats.dripsOpen--;
      });
      return;
    }
    if (p === '/containers/fwd-target/json' || p === `/containers/${'f'.repeat(64)}/json`) {
      return json(res, {
        Id: 'f'.repeat(64),
        Name: '/fwd-target',
        State: { Running: true, StartedAt: '2026-01-01T00:00:00Z' },
        HostConfig: { NetworkMode: 'bridge' },
        NetworkSettings: { Networks: {} },
      });
    }
    if (p === '/containers/create' && req.method === 'POST') {
      const id = `helper${stats.helpersMade++}`.padEnd(64, '0');
      stats.helpers.add(id);
      res.writeHead(201, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ Id: id, Warnings: [] }));
    }
    const helper = /^\/containers\/(helper[0-9a-f]+)(\/\w+)?$/.exec(p ?? '');
    if (helper && req.method === 'POST' && helper[2] === '/start') return void res.writeHead(204).end();
    if (helper && req.method === 'DELETE') {
      stats.helpers.delete(helper[1]!);
      return void res.writeHead(204).end();
    }
    if (helper && req.method === 'POST' && helper[2] === '/exec') {
      stats.execsOpen++;
      res.on('close', () => stats.execsOpen--);
      return; // never answers
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: 'not on this engine' }));
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    socketPath,
    stats,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
