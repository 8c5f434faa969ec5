import type { EngineRequest, EngineTarget } from '../engine-request';

/**
 * The environment every snippet reads its connection from: the variables the docker CLI, docker-py
 * (`from_env`), the Go SDK (`client.FromEnv`) and dockerode (`new Docker()`) all understand. TLS
 * keys are files in $DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem), never inline.
 */
export function connectionEnv(t: EngineTarget): Array<[string, string]> {
  switch (t.kind) {
    case 'socket':
      return [['DOCKER_HOST', `unix://${t.socketPath}`]];
    case 'tcp':
      return [['DOCKER_HOST', `tcp://${t.host}:${t.port}`]];
    case 'tls':
      return [
        ['DOCKER_HOST', `tcp://${t.host}:${t.port}`],
        ['DOCKER_TLS_VERIFY', '1'],
        // A placeholder folder: put this host's ca.pem, cert.pem and key.pem there.
        ['DOCKER_CERT_PATH', `$HOME/.docker/certs/${t.host}`],
      ];
    case 'ssh':
      return [['DOCKER_HOST', `ssh://${t.user ? `${t.user}@` : ''}${t.host}${t.port ? `:${t.port}` : ''}`]];
  }
}

/** One comment line per variable, for snippets in other languages. */
export function connectionComment(t: EngineTarget, prefix: string): string[] {
  return [
    `${prefix} Connection from the environment (set before running):`,
    ...connectionEnv(t).map(([k, v]) => `${prefix}   export ${k}=${v.startsWith('$') ? `"${v}"` : v}`),
    ...(t.kind === 'tls' ? [`${prefix}   ($DOCKER_CERT_PATH holds ca.pem, cert.pem and key.pem)`] : []),
  ];
}

export function hasRegistryAuth(req: EngineRequest): boolean {
  return Object.keys(req.headers ?? {}).some((h) => h.toLowerCase() === 'x-registry-auth');
}

/** The registry the X-Registry-Auth of a pull or push is for. */
export function authServer(req: EngineRequest): string {
  const q = new Map(req.query ?? []);
  const image = q.get('fromImage') ?? /^\/images\/(.+)\/push$/.exec(req.path)?.[1] ?? '';
  const first = image.split('/')[0] ?? '';
  return image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')
    ? first
    : 'https://index.docker.io/v1/';
}

/** Status codes that mean success for a snippet (the engine's 2xx and 304 "already in that state"). */
export const OK_CODES = [200, 201, 204, 304];
