import http from 'node:http';
import https from 'node:https';
import type Docker from 'dockerode';
import { AppError, type ConsoleResponse, type ConsoleStreamEvent } from '@shared/contract';
import { queryString, splitVersion, type HttpMethod } from '@shared/apilog/engine-request';
import {
  accessOfRequest,
  checkEnginePath,
  isHijacking,
  isStreamingRequest,
} from '@shared/apilog/request-access';
import { validateAgainstIndex } from '@shared/apilog/endpoint-index';
import type { StoredHost } from '../hosts/config-store';

export interface ConsoleRequest {
  method: HttpMethod;
  path: string;
  query: Array<[string, string]>;
  body?: unknown;
  confirm?: string | undefined;
}

/** Until the response head: a request the engine does not answer fails instead of hanging. */
export const CONSOLE_HEAD_TIMEOUT_MS = 30_000;
/** A console response is read up to this size; larger ones are cut (the log has the byte count). */
const MAX_BODY = 8 * 1024 * 1024;

/**
 * The console's checks that need no engine: a well-formed engine path, no hijacking endpoint, the
 * typed confirmation on production hosts. (The host's policy is the dispatcher's guard, before.)
 */
export function checkConsoleRequest(host: StoredHost, req: ConsoleRequest): void {
  const problem = checkEnginePath(req.path);
  if (problem) throw new AppError({ code: 'INVALID_INPUT', message: problem });
  if (isHijacking(req.method, req.path)) {
    throw new AppError({
      code: 'INVALID_INPUT',
      message:
        `${req.method} ${req.path} takes over the connection for a raw terminal stream: open the ` +
        "container's Terminal (exec or attach) instead of the console.",
    });
  }
  if ((req.method === 'GET' || req.method === 'HEAD' || req.method === 'DELETE') && req.body !== undefined) {
    throw new AppError({ code: 'INVALID_INPUT', message: `A ${req.method} request has no body.` });
  }
  const access = accessOfRequest(req.method, req.path);
  if (host.production && access !== 'read' && req.confirm !== host.name) {
    throw new AppError({
      code: 'PERMISSION_DENIED',
      message: `${host.name} is a production host: type its name to confirm ${req.method} ${req.path}.`,
      data: { confirm: host.name },
    });
  }
}

interface ModemFields {
  socketPath?: string;
  host?: string;
  port?: number | string;
  protocol?: string;
  ca?: string;
  cert?: string;
  key?: string;
  agent?: http.Agent;
  version?: string;
}

/** Sends through the host's own client settings and agent, so the API log records it like any other. */
function dial(docker: Docker, req: ConsoleRequest, signal: AbortSignal): Promise<http.IncomingMessage> {
  const m = docker.modem as unknown as ModemFields;
  const versioned = splitVersion(req.path).version !== undefined;
  const path = `${versioned ? '' : `/${m.version ?? ''}`}${req.path}${queryString(req.query)}`.replace(
    /^\/\//,
    '/',
  );
  const body = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body));
  const headers: Record<string, string | number> = {};
  if (body) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = body.length;
  } else if (req.method === 'POST' || req.method === 'PUT') headers['Content-Length'] = 0;
  const secure = m.protocol === 'https';
  const options: https.RequestOptions = { method: req.method, path, headers, signal };
  if (m.agent) options.agent = m.agent;
  if (m.socketPath) options.socketPath = m.socketPath;
  else {
    options.host = m.host ?? 'localhost';
    options.port = Number(m.port ?? (secure ? 2376 : 2375));
  }
  if (secure) {
    if (m.ca) options.ca = m.ca;
    if (m.cert) options.cert = m.cert;
    if (m.key) options.key = m.key;
  }
  return new Promise((resolve, reject) => {
    const r = (secure ? https : http).request(options, resolve);
    r.once('error', reject);
    r.end(body);
  });
}

function headersOf(res: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers))
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Dials and waits for the response head, within CONSOLE_HEAD_TIMEOUT_MS (the body may take longer). */
async function dialHead(
  docker: Docker,
  req: ConsoleRequest,
  signal: AbortSignal,
): Promise<http.IncomingMessage> {
  const timer = new AbortController();
  const t = setTimeout(() => timer.abort(new Error('timeout')), CONSOLE_HEAD_TIMEOUT_MS);
  try {
    return await dial(docker, req, AbortSignal.any([signal, timer.signal]));
  } catch (e) {
    if (timer.signal.aborted)
      throw new AppError({
        code: 'TIMEOUT',
        message: `The engine did not answer ${req.method} ${req.path} within ${CONSOLE_HEAD_TIMEOUT_MS / 1000} s.`,
      });
    if (e instanceof AppError) throw e;
    throw new AppError({
      code: 'ENGINE_UNREACHABLE',
      message: `The request failed: ${(e as Error).message}`,
    });
  } finally {
    clearTimeout(t);
  }
}

/** Sends one request and reads the whole answer (the engine's 4xx/5xx included, as a response). */
export async function sendConsoleRequest(
  docker: Docker,
  req: ConsoleRequest,
  apiVersion: string,
  signal: AbortSignal,
): Promise<ConsoleResponse> {
  // A GET that never ends on its own (events, logs/stats follow) would only hit the call timeout.
  if (req.method === 'GET' && isStreamingRequest(req.method, req.path, req.query)) {
    throw new AppError({
      code: 'INVALID_INPUT',
      message: `${req.path} streams until it is stopped: send it as a stream (follow), or set follow=0 / stream=0 / until.`,
    });
  }
  const warnings = validateAgainstIndex(
    apiVersion,
    req.method,
    splitVersion(req.path).path,
    req.query,
    req.body,
  );
  const t0 = performance.now();
  const res = await dialHead(docker, req, signal);
  const chunks: Buffer[] = [];
  let size = 0;
  let cut = false;
  await new Promise<void>((resolve, reject) => {
    res.on('data', (c: Buffer) => {
      if (size < MAX_BODY) chunks.push(c);
      else cut = true;
      size += c.length;
    });
    res.once('end', resolve);
    res.once('error', reject);
    res.once('close', resolve);
  });
  const text = Buffer.concat(chunks).toString('utf8');
  const ct = String(res.headers['content-type'] ?? '');
  let body: unknown = text;
  let bodyKind: ConsoleResponse['bodyKind'] = text ? 'text' : 'none';
  if (text && ct.includes('json') && !cut) {
    try {
      body = JSON.parse(text);
      bodyKind = 'json';
    } catch {
      // JSON lines (a progress stream without follow): shown as text.
    }
  } else if (text && !ct.includes('json') && !ct.startsWith('text/')) {
    body = `${size.toLocaleString('en')} bytes of ${ct || 'binary data'}`;
    bodyKind = 'binary';
  }
  if (cut) warnings.push(`The response was cut at ${MAX_BODY / 1024 / 1024} MiB.`);
  return {
    status: res.statusCode ?? 0,
    headers: headersOf(res),
    body,
    bodyKind,
    durationMs: Math.round(performance.now() - t0),
    warnings,
  };
}

/** A streaming request: the head, then text chunks with backpressure, until `signal` (Stop) or the end. */
export async function followConsoleRequest(
  docker: Docker,
  req: ConsoleRequest,
  sink: {
    emit(e: ConsoleStreamEvent): boolean;
    writable(): Promise<void>;
    end(error?: unknown): void;
    signal: AbortSignal;
  },
): Promise<() => void> {
  const res = await dialHead(docker, req, sink.signal);
  sink.emit({ kind: 'head', status: res.statusCode ?? 0, headers: headersOf(res) });
  res.setEncoding('utf8');
  res.on('data', (text: string) => {
    if (!sink.emit({ kind: 'chunk', text })) {
      res.pause();
      void sink.writable().then(() => res.resume());
    }
  });
  res.once('end', () => sink.end());
  res.once('error', (e) => sink.end(e));
  return () => res.destroy();
}
