import type { EndpointView } from '@shared/contract';

export type TransportWarning = 'unencrypted' | 'tls-unverified';

/** 127.0.0.0/8, ::1 and localhost: traffic that never leaves this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h.endsWith('.localhost');
}

/**
 * What stays visible about a host's transport for as long as it is configured so: plain TCP to
 * another machine (anyone on the path reads and drives the engine), or TLS with verification
 * explicitly turned off.
 */
export function transportWarning(e: EndpointView): TransportWarning | undefined {
  if (e.kind === 'tcp' && !isLoopbackHost(e.host)) return 'unencrypted';
  if (e.kind === 'tls' && e.trust === 'insecure') return 'tls-unverified';
  return undefined;
}
