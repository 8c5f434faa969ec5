import type { Endpoint, EndpointView, HostView } from '@shared/contract';
import type { StoredHost } from './config-store';

/** Strips private keys and passphrases: the renderer never receives them back. */
export function toEndpointView(e: Endpoint): EndpointView {
  switch (e.kind) {
    case 'socket':
    case 'tcp':
      return { ...e };
    case 'tls': {
      const { key, ...rest } = e;
      return { ...rest, hasKey: Boolean(key) };
    }
    case 'ssh': {
      const { privateKey, passphrase, ...rest } = e;
      return { ...rest, hasPrivateKey: Boolean(privateKey), hasPassphrase: Boolean(passphrase) };
    }
  }
}

export function toHostView(h: StoredHost): HostView {
  return {
    id: h.id,
    name: h.name,
    color: h.color,
    endpoint: toEndpointView(h.endpoint),
    policy: h.policy,
    production: h.production,
    labels: [...h.labels],
    allowedBindPaths: [...(h.allowedBindPaths ?? [])],
  };
}

/** An edited endpoint keeps stored secrets the form left blank (same kind only). */
export function mergeSecrets(next: Endpoint, previous: Endpoint | undefined): Endpoint {
  if (!previous || previous.kind !== next.kind) return next;
  if (next.kind === 'tls' && previous.kind === 'tls' && !next.key && previous.key) {
    return { ...next, key: previous.key };
  }
  if (next.kind === 'ssh' && previous.kind === 'ssh') {
    const merged = { ...next };
    if (!merged.privateKey && !merged.privateKeyPath && previous.privateKey)
      merged.privateKey = previous.privateKey;
    if (!merged.passphrase && previous.passphrase) merged.passphrase = previous.passphrase;
    return merged;
  }
  return next;
}
