import type { Endpoint } from '@shared/contract';
import type { EngineTarget } from '@shared/apilog/engine-request';

/** How snippets address a host: addresses only, never keys, passphrases or certificates. */
export function targetOf(endpoint: Endpoint, apiVersion: string): EngineTarget {
  switch (endpoint.kind) {
    case 'socket':
      return { kind: 'socket', socketPath: endpoint.socketPath, apiVersion };
    case 'tcp':
      return { kind: 'tcp', host: endpoint.host, port: endpoint.port, apiVersion };
    case 'tls':
      return { kind: 'tls', host: endpoint.host, port: endpoint.port, apiVersion };
    case 'ssh': {
      const t: EngineTarget = { kind: 'ssh', host: endpoint.host, apiVersion };
      if (endpoint.port !== undefined) t.port = endpoint.port;
      if (endpoint.user !== undefined) t.user = endpoint.user;
      return t;
    }
  }
}
