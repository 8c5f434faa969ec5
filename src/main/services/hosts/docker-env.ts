import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Endpoint } from '@shared/contract';
import { defaultEngineSocket } from './local-engine-candidates';

export const DEFAULT_SOCKET = '/var/run/docker.sock';

export type ParsedDockerHost =
  | { kind: 'socket'; socketPath: string }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'ssh'; host: string; port?: number; user?: string };

/**
 * Parses DOCKER_HOST the way the docker CLI does (opts/hosts.go): bare host means tcp, tcp's
 * default port is 2375 (2376 with TLS), unix:// defaults to /var/run/docker.sock.
 */
export function parseDockerHost(value: string, tls = false): ParsedDockerHost {
  const v = value.trim();
  if (!v) throw new Error('DOCKER_HOST is empty');
  if (v.startsWith('unix://')) return { kind: 'socket', socketPath: v.slice(7) || DEFAULT_SOCKET };
  if (v.startsWith('npipe://')) return { kind: 'socket', socketPath: v.slice(8) || '//./pipe/docker_engine' };
  const withScheme = v.includes('://') ? v : `tcp://${v}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`DOCKER_HOST "${value}" is not a valid address`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!host) throw new Error(`DOCKER_HOST "${value}" has no host`);
  if (url.protocol === 'tcp:' || url.protocol === 'http:' || url.protocol === 'https:') {
    const port = url.port ? Number(url.port) : tls || url.protocol === 'https:' ? 2376 : 2375;
    return { kind: 'tcp', host, port };
  }
  if (url.protocol === 'ssh:') {
    const out: ParsedDockerHost = { kind: 'ssh', host };
    if (url.port) out.port = Number(url.port);
    if (url.username) out.user = decodeURIComponent(url.username);
    return out;
  }
  throw new Error(`DOCKER_HOST "${value}" uses an unsupported scheme ${url.protocol}`);
}

/**
 * The endpoint of the first host created on first start: DOCKER_HOST (with DOCKER_TLS_VERIFY and
 * DOCKER_CERT_PATH, any non-empty value enabling TLS as in the CLI) or the CLI's default for this OS.
 */
export async function endpointFromEnvironment(
  env: NodeJS.ProcessEnv,
  homeDir: string,
  platform: NodeJS.Platform = process.platform,
): Promise<Endpoint> {
  const dockerHost = env.DOCKER_HOST;
  if (!dockerHost) return { kind: 'socket', socketPath: defaultEngineSocket(platform) };
  const tls = Boolean(env.DOCKER_TLS_VERIFY);
  const parsed = parseDockerHost(dockerHost, tls);
  if (parsed.kind === 'socket') return parsed;
  if (parsed.kind === 'ssh') return { ...parsed, useAgent: Boolean(env.SSH_AUTH_SOCK) };
  if (!tls) return parsed;
  const certDir = env.DOCKER_CERT_PATH || path.join(env.DOCKER_CONFIG || path.join(homeDir, '.docker'));
  const read = (name: string) => fs.readFile(path.join(certDir, name), 'utf8');
  const [ca, cert, key] = await Promise.all([read('ca.pem'), read('cert.pem'), read('key.pem')]);
  return { kind: 'tls', host: parsed.host, port: parsed.port, ca, cert, key };
}
