import type { Access } from '../policy/method-access';
import { splitVersion, type HttpMethod } from './engine-request';

/**
 * What a raw Engine API request does, for the console's policy check: reads are reads, DELETE
 * deletes, exec/attach are shells, build/push build, archive reads browse files, the rest writes.
 * Prunes delete. Unknown shapes fall to the stronger class.
 */
export function accessOfRequest(method: HttpMethod, path: string): Access {
  const p = splitVersion(path).path;
  if (/^\/containers\/[^/]+\/archive$/.test(p) && (method === 'GET' || method === 'HEAD')) return 'browse';
  if (/^\/(images\/get|images\/[^/]+\/get)$/.test(p) && method === 'GET') return 'browse';
  if (/^\/containers\/[^/]+\/export$/.test(p) && method === 'GET') return 'browse';
  if (method === 'GET' || method === 'HEAD') return 'read';
  if (method === 'DELETE') return 'delete';
  if (/\/prune$/.test(p)) return 'delete';
  if (/^\/containers\/[^/]+\/(attach|exec)$/.test(p) || /^\/exec\/[^/]+\/(start|resize)$/.test(p))
    return 'exec';
  if (p === '/build' || /^\/images\/.+\/push$/.test(p) || p === '/session') return 'build';
  if (/^\/containers\/[^/]+\/archive$/.test(p)) return 'browse';
  return 'write';
}

/**
 * Endpoints that take over the connection (raw stdin/stdout): they belong in a terminal, not a
 * request console. Exec start always hijacks over the API (with or without a TTY).
 */
export function isHijacking(method: HttpMethod, path: string): boolean {
  const p = splitVersion(path).path;
  return (
    method === 'POST' &&
    (/^\/containers\/[^/]+\/attach(\/ws)?$/.test(p) || /^\/exec\/[^/]+\/start$/.test(p) || p === '/session')
  );
}

/** Requests whose response is a stream that stays open (shown as "open" in the log). */
export function isStreamingRequest(
  method: HttpMethod,
  path: string,
  query: Array<[string, string]>,
): boolean {
  const p = splitVersion(path).path;
  const q = new Map(query);
  const on = (k: string) => q.get(k) === '1' || q.get(k) === 'true';
  if (method === 'GET' && p === '/events') return !q.has('until');
  if (method === 'GET' && /^\/containers\/[^/]+\/logs$/.test(p)) return on('follow');
  if (method === 'GET' && /^\/(containers|services|tasks)\/[^/]+\/(logs|stats)$/.test(p))
    return p.endsWith('/stats') ? q.get('stream') !== '0' && q.get('stream') !== 'false' : on('follow');
  if (isHijacking(method, path)) return true;
  return method === 'POST' && (p === '/build' || p === '/images/create' || /^\/images\/.+\/push$/.test(p));
}

export type PathProblem = string;

/**
 * The console's path check: an engine path, versioned (/v1.41/...) or not, no scheme or host, no
 * `..` or `.` segments, no encoded slashes or control characters. Returns the problem, or undefined.
 */
export function checkEnginePath(path: string): PathProblem | undefined {
  if (path.length === 0) return 'Enter a path such as /containers/json.';
  if (path.length > 2048) return 'The path is longer than 2,048 characters.';
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//'))
    return 'Enter an engine path such as /containers/json, not a URL: the request goes to this host.';
  if (!path.startsWith('/')) return 'An engine path starts with "/", e.g. /containers/json.';
  if (/[?#]/.test(path)) return 'Put query parameters in the query fields, not in the path.';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\s\\]/.test(path))
    return 'The path contains spaces, backslashes or control characters.';
  if (/%2f|%5c|%2e/i.test(path)) return 'The path contains an encoded "/", "\\" or ".".';
  const segments = path.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.')) return 'The path may not contain "." or ".." segments.';
  if (segments.some((s) => s === '')) return 'The path contains an empty segment ("//" or a trailing "/").';
  const first = segments[0] ?? '';
  if (/^v\d/.test(first) && !/^v1\.\d{1,2}$/.test(first))
    return `"${first}" is not an API version: use /v1.NN/... or leave the version out.`;
  return undefined;
}
