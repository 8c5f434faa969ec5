/**
 * A Docker Engine API request as the copy-as generators, the console and the log describe it.
 * `path` is unversioned (`/containers/json`); the version prefix is added from `apiVersion` where
 * a request is written out.
 */
export interface EngineRequest {
  method: HttpMethod;
  path: string;
  /** Query parameters in order; values are strings as they go on the wire. */
  query?: Array<[string, string]>;
  /** A JSON body (already redacted when it comes from the log). */
  body?: unknown;
  /** Extra headers that matter to the engine (never auth headers: those are redacted). */
  headers?: Record<string, string>;
  /** A folder sent as a tar stream instead of a JSON body (a build context); snippets pack it. */
  tarContext?: string;
}

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** How a host is reached, without any key material: what snippets need to address it. */
export type EngineTarget =
  | { kind: 'socket'; socketPath: string; apiVersion: string }
  | { kind: 'tcp'; host: string; port: number; apiVersion: string }
  | { kind: 'tls'; host: string; port: number; apiVersion: string }
  | { kind: 'ssh'; host: string; port?: number; user?: string; apiVersion: string };

/** `/v1.41/containers/json` -> `{ version: '1.41', path: '/containers/json' }`. */
export function splitVersion(path: string): { version?: string; path: string } {
  const m = /^\/v(\d+\.\d+)(\/.*)$/.exec(path);
  return m ? { version: m[1] as string, path: m[2] as string } : { path };
}

export function queryString(query: EngineRequest['query']): string {
  if (!query || query.length === 0) return '';
  return `?${query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
}

/** `?a=1&b=2` -> `[['a','1'],['b','2']]`. */
export function parseQuery(search: string): Array<[string, string]> {
  const s = search.replace(/^\?/, '');
  if (!s) return [];
  return [...new URLSearchParams(s).entries()];
}

/** The full versioned path with the query, as it goes on the wire. */
export function wirePath(req: EngineRequest, apiVersion: string): string {
  return `/v${apiVersion}${req.path}${queryString(req.query)}`;
}
