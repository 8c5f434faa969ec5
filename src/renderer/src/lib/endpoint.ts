import type { EndpointKind, EndpointView } from '@shared/contract';

export const KIND_LABELS: Record<EndpointKind, string> = {
  socket: 'Socket',
  tls: 'TLS',
  ssh: 'SSH',
  tcp: 'TCP',
};

export const KIND_LONG_LABELS: Record<EndpointKind, string> = {
  socket: 'Local socket',
  tls: 'TCP + TLS',
  ssh: 'SSH',
  tcp: 'TCP (unencrypted)',
};

/** A one-line address for an endpoint, e.g. `ssh://deploy@build-01:22`. */
export function describeEndpoint(e: EndpointView): string {
  switch (e.kind) {
    case 'socket':
      return `unix://${e.socketPath}`;
    case 'tcp':
      return `tcp://${e.host}:${e.port}`;
    case 'tls':
      return `tcp+tls://${e.host}:${e.port}`;
    case 'ssh':
      return `ssh://${e.user ? `${e.user}@` : ''}${e.host}${e.port ? `:${e.port}` : ''}`;
  }
}
