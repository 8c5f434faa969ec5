import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestTarget } from './request-target';

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Browser-mode gate. Every request: the Host header must name this loopback server (defeats DNS
 * rebinding). The RPC WebSocket, the only door to the engines, also needs the served Origin
 * (defeats cross-site WebSocket hijacking) and the per-launch token in its URL. The token never
 * travels in a cookie: cookies are not scoped by port, so any 127.0.0.1 page would receive it.
 * Static files carry no secret and need no token.
 */
export function checkRequest(
  req: IncomingMessage,
  target: RequestTarget,
  token: string,
  port: number,
  isUpgrade: boolean,
  /** Addresses given with an explicit --listen, also acceptable in the Host header. */
  extraHosts: string[] = [],
): GuardVerdict {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`, ...extraHosts.map((h) => `${h}:${port}`)];
  const host = req.headers.host ?? '';
  if (!allowedHosts.includes(host)) return { ok: false, status: 403, reason: 'host header refused' };
  if (!isUpgrade) return { ok: true };
  if (req.headers.origin !== `http://${host}`) return { ok: false, status: 403, reason: 'origin refused' };
  const presented = target.query.get('token');
  if (!presented || !sameToken(presented, token))
    return { ok: false, status: 401, reason: 'missing or wrong token' };
  return { ok: true };
}
