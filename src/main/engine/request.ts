import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';

/** What the engine's X-Registry-Auth header carries (base64url JSON, built by docker-modem). */
export type AuthConfig =
  | { username: string; password: string; serveraddress: string }
  | { identitytoken: string; serveraddress: string }
  // An empty object: push needs the header even without credentials.
  | Record<string, never>;

export interface EngineRequest {
  /** API path, e.g. "/images/create"; the modem adds the version prefix. */
  path: string;
  method: 'GET' | 'POST' | 'DELETE';
  query?: Record<string, string | string[] | boolean | number | undefined>;
  /** JSON body (POST /auth). */
  json?: object;
  /** Request body streamed as application/x-tar (build context, image tarball). */
  body?: Readable;
  auth?: AuthConfig;
  /** Extra success codes besides 200. */
  ok?: number[];
  signal: AbortSignal;
}

function dialOptions(req: EngineRequest, isStream: boolean) {
  const query: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) query[k] = v;
  const statusCodes: Record<number, boolean> = { 200: true };
  for (const code of req.ok ?? []) statusCodes[code] = true;
  const hasQuery = Object.keys(query).length > 0;
  const opts: Parameters<Docker['modem']['dial']>[0] = {
    // docker-modem only appends a query string to paths that end in "?".
    path: hasQuery ? `${req.path}?` : req.path,
    method: req.method,
    options: { _query: query, ...(req.json ? { _body: req.json } : { _body: {} }) },
    isStream,
    statusCodes,
    abortSignal: req.signal,
  };
  if (req.json) opts.allowEmpty = true;
  if (req.body) opts.file = req.body;
  // docker-modem turns this into X-Registry-Auth (base64url), never into the URL.
  if (req.auth) opts.authconfig = { ...req.auth };
  return opts;
}

/** Sends a request and resolves with the response stream once the engine answered 2xx. */
export function engineStream(docker: Docker, req: EngineRequest): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(dialOptions(req, true), (err, res) => {
      if (err) return reject(err);
      resolve(res as IncomingMessage);
    });
  });
}

/** Sends a request and resolves with the parsed JSON answer. */
export function engineJson<T>(docker: Docker, req: EngineRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(dialOptions(req, false), (err, res) => {
      if (err) return reject(err);
      resolve(res as T);
    });
  });
}
