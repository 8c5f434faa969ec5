import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Dispatcher } from '../rpc/dispatcher';
import { contentSecurityPolicy } from '../security/csp';
import { MAX_MESSAGE_BYTES } from '../security/message-size';
import { describeFailure } from '../security/log-shape';
import { checkRequest } from './request-guard';
import { parseRequestTarget, type RequestTarget } from './request-target';
import { wsTransport } from './ws-transport';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebServerOptions {
  dispatcher: Dispatcher;
  rendererDir: string;
  port: number;
  /** Bind address; loopback unless the user explicitly asked for another (--listen). */
  listen?: string;
  token?: string;
  log: { info(msg: string): void; error(msg: string, detail?: unknown): void };
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  /** Open WebSocket connections: tests use it to prove cleanup. */
  connectionCount(): number;
  close(): Promise<void>;
}

/** Browser mode: the built renderer and the RPC WebSocket, on 127.0.0.1 only, behind a token. */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const root = path.resolve(opts.rendererDir);
  const listen = opts.listen ?? '127.0.0.1';
  const extraHosts = listen === '127.0.0.1' ? [] : [listen];
  let port = 0;
  const connections = new Set<{ close(): void }>();

  /** Last resort: whatever a request does wrong ends that request, never the process. */
  const failed = (where: string, req: http.IncomingMessage, error: unknown) =>
    opts.log.error(
      `${where} failed (${req.method ?? '?'} target of ${req.url?.length ?? 0} chars): ${describeFailure(error)}`,
    );

  const server = http.createServer((req, res) => {
    const fail = (error: unknown) => {
      failed('a request', req, error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end();
    };
    try {
      handleRequest(req, res).catch(fail);
    } catch (error) {
      fail(error);
    }
  });

  async function handleRequest(req: http.IncomingMessage, res: http.ServerResponse) {
    const target = parseRequestTarget(req.url);
    if (!target) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request.\n');
      return;
    }
    const verdict = checkRequest(req, target, token, port, false, extraHosts);
    if (!verdict.ok) {
      res.writeHead(verdict.status, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden.\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    await serveFile(req, res, target);
  }

  async function serveFile(req: http.IncomingMessage, res: http.ServerResponse, target: RequestTarget) {
    const rel = target.path === '/' ? '/index.html' : target.path;
    const file = path.resolve(root, `.${rel}`);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    let body: Buffer;
    try {
      body = await fs.readFile(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    const headers: http.OutgoingHttpHeaders = {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    };
    if (file.endsWith('.html')) headers['content-security-policy'] = contentSecurityPolicy();
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  // A request Node's parser cannot read never reaches the handler: answer 400 and hang up.
  server.on('clientError', (error, socket) => {
    opts.log.error(`refused an unparseable request: ${describeFailure(error)}`);
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  // ws checks each frame's declared length before buffering it and closes with 1009 when too big.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const refuseUpgrade = (socket: Duplex, status: number) =>
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
    );
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    try {
      const target = parseRequestTarget(req.url);
      if (!target) return refuseUpgrade(socket, 400);
      const verdict = checkRequest(req, target, token, port, true, extraHosts);
      if (!verdict.ok) {
        opts.log.error(`refused a WebSocket: ${verdict.reason}`);
        return refuseUpgrade(socket, verdict.status);
      }
      if (target.path !== '/rpc') return refuseUpgrade(socket, 404);
      wss.handleUpgrade(req, socket, head, (ws) => {
        const conn = opts.dispatcher.connect(
          wsTransport(ws, (reason) => opts.log.error(`dropped a WebSocket message: ${reason}`)),
        );
        connections.add(conn);
        ws.on('close', () => connections.delete(conn));
        ws.on('error', () => ws.terminate());
      });
    } catch (error) {
      failed('an upgrade', req, error);
      socket.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, listen, () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : opts.port;

  return {
    url: `http://${listen === '0.0.0.0' || listen === '::' ? '127.0.0.1' : listen}:${port}/?token=${token}`,
    port,
    token,
    connectionCount: () => connections.size,
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      for (const c of connections) c.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
