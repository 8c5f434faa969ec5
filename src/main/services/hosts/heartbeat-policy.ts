import type { Endpoint } from '@shared/contract';

/** A ping every 5 s that must answer in 5 s: a dead or cut-off host is noticed within 10 s. */
export const HEARTBEAT_MS = 5_000;

/**
 * How often a connected host is pinged, or undefined for never. Idle, only hosts reached over a
 * network link that can silently stop answering (TCP, TLS) are pinged: a local socket cannot be
 * cut, and an engine that dies closes its events stream, which checks the host at once; an SSH
 * link is watched by the SSH keepalive (ssh-tunnel.ts), which asks sshd, not the engine. While a
 * host holds an interactive session (a terminal) it is pinged whatever its kind, since a frozen
 * engine would otherwise leave the user typing into silence.
 */
export function heartbeatDelay(kind: Endpoint['kind'], holds: number): number | undefined {
  if (holds > 0) return HEARTBEAT_MS;
  return kind === 'tcp' || kind === 'tls' ? HEARTBEAT_MS : undefined;
}
