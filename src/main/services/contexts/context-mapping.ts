import type { DockerContextView, Endpoint } from '@shared/contract';
import { parseDockerHost } from '../hosts/docker-env';
import type { NewContext, StoredContext } from './context-store';

export type Mapped =
  | { ok: true; endpoint: Endpoint; kind: DockerContextView['kind']; summary: string }
  | { ok: false; kind: DockerContextView['kind']; summary: string; reason: string };

const ENCRYPTED_KEY = /Proc-Type:\s*4,ENCRYPTED|BEGIN ENCRYPTED PRIVATE KEY/;

/**
 * A CLI context's docker endpoint as a Berthmaster endpoint, or why it cannot become one. Never
 * weakens security silently: a context that skips TLS verification is refused, not downgraded.
 */
export function contextToEndpoint(ctx: StoredContext, opts: { sshAgent: boolean }): Mapped {
  if (ctx.problem)
    return { ok: false, kind: 'unknown', summary: '', reason: `It cannot be read: ${ctx.problem}.` };
  if (!ctx.host) {
    return {
      ok: false,
      kind: 'unknown',
      summary: '',
      reason: 'It has no Docker endpoint (only other tools use it).',
    };
  }
  const host = ctx.host;
  if (/^ssh:\/\/[^/]+\/./.test(host)) {
    return {
      ok: false,
      kind: 'ssh',
      summary: host,
      reason: 'It names a remote socket path, which Berthmaster does not support over SSH yet.',
    };
  }
  let parsed: ReturnType<typeof parseDockerHost>;
  try {
    parsed = parseDockerHost(host);
  } catch (e) {
    return { ok: false, kind: 'unknown', summary: host, reason: `${(e as Error).message}.` };
  }
  if (parsed.kind === 'socket') return { ok: true, kind: 'socket', summary: host, endpoint: parsed };
  if (parsed.kind === 'ssh') {
    return { ok: true, kind: 'ssh', summary: host, endpoint: { ...parsed, useAgent: opts.sshAgent } };
  }
  const { ca, cert, key } = ctx.tls;
  if (ctx.skipTlsVerify) {
    return {
      ok: false,
      kind: 'tls',
      summary: `${host} (TLS, not verified)`,
      reason:
        'It skips TLS verification; Berthmaster always verifies the engine. Add it by hand with its CA.',
    };
  }
  if (!ca && !cert && !key) return { ok: true, kind: 'tcp', summary: host, endpoint: parsed };
  if (!ca || !cert || !key) {
    return {
      ok: false,
      kind: 'tls',
      summary: `${host} (TLS)`,
      reason: 'Its TLS material is incomplete: Berthmaster needs the CA, a client certificate and its key.',
    };
  }
  if (ENCRYPTED_KEY.test(key)) {
    return {
      ok: false,
      kind: 'tls',
      summary: `${host} (TLS)`,
      reason: 'Its TLS key is encrypted, which Docker no longer supports.',
    };
  }
  return {
    ok: true,
    kind: 'tls',
    summary: `${host} (TLS)`,
    endpoint: { kind: 'tls', host: parsed.host, port: parsed.port, ca, cert, key },
  };
}

/** Identity of an endpoint for "already imported": where it connects, not how it authenticates. */
export function endpointKey(e: {
  kind: string;
  socketPath?: string;
  host?: string;
  port?: number;
  user?: string;
}): string {
  switch (e.kind) {
    case 'socket':
      return `socket:${e.socketPath ?? ''}`;
    case 'ssh':
      return `ssh:${e.user ?? ''}@${e.host ?? ''}:${e.port ?? 22}`;
    default:
      return `${e.kind}:${e.host ?? ''}:${e.port ?? ''}`;
  }
}

function hostPart(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** A Berthmaster endpoint (with its secrets) as a CLI context; SSH keys stay with ssh(1). */
export function endpointToContext(
  name: string,
  description: string,
  e: Endpoint,
): { ctx: NewContext; note?: string } {
  switch (e.kind) {
    case 'socket':
      return {
        ctx: {
          name,
          description,
          host: e.socketPath.startsWith('/') ? `unix://${e.socketPath}` : `npipe://${e.socketPath}`,
        },
      };
    case 'tcp':
      return { ctx: { name, description, host: `tcp://${hostPart(e.host)}:${e.port}` } };
    case 'tls':
      if (!e.key) throw new Error('this host has no stored client key');
      if (!e.ca) throw new Error('a Docker context cannot express a pinned or unverified certificate');
      return {
        ctx: {
          name,
          description,
          host: `tcp://${hostPart(e.host)}:${e.port}`,
          tls: { ca: e.ca, cert: e.cert, key: e.key },
        },
      };
    case 'ssh': {
      const user = e.user ? `${e.user}@` : '';
      const port = e.port ? `:${e.port}` : '';
      const usesOwnKey = Boolean(e.privateKey || e.privateKeyPath);
      const result: { ctx: NewContext; note?: string } = {
        ctx: { name, description, host: `ssh://${user}${hostPart(e.host)}${port}` },
      };
      if (usesOwnKey) {
        result.note =
          'The docker CLI connects with ssh, which uses your SSH agent and ~/.ssh/config, not the key stored in Berthmaster.';
      }
      return result;
    }
  }
}
