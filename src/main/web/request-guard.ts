import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'berthmaster_token';

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === TOKEN_COOKIE && v) return v;
  }
  return undefined;
}

/**
 * Browser-mode gate, checked on every request and upgrade: the Host header must name this
 * loopback server (defeats DNS rebinding), a WebSocket's Origin must be the served origin
 * (defeats cross-site WebSocket hijacking), and the per-launch token must match.
 */
export function checkRequest(
  req: IncomingMessage,
  token: string,
  port: number,
  isUpgrade: boolean,
  /** Addresses given with an explicit --listen, also acceptable in the Host header. */
  extraHosts: string[] = [],
): GuardVerdict {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`, ...extraHosts.map((h) => `${h}:${port}`)];
  const host = req.headers.host ?? '';
  if (!allowedHosts.includes(host))
    return { ok: false, status: 403, reason: `host header "${host}" refused` };
  if (isUpgrade) {
    const origin = req.headers.origin;
    if (origin !== `http://${host}`)
      return { ok: false, status: 403, reason: `origin "${origin ?? ''}" refused` };
  }
  const url = new URL(req.url ?? '/', `http://${host}`);
  const presented = url.searchParams.get('token') ?? cookieToken(req.headers.cookie);
  if (!presented || !sameToken(presented, token))
    return { ok: false, status: 401, reason: 'missing or wrong token' };
  return { ok: true };
}
