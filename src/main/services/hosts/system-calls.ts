import type Docker from 'dockerode';

/**
 * dockerode accepts {abortSignal} on these at runtime, but its typings only allow a callback.
 * One place for the casts.
 */
type WithOpts<T> = (opts: { abortSignal?: AbortSignal }) => Promise<T>;

export function engineVersion(docker: Docker, signal?: AbortSignal): Promise<Docker.DockerVersion> {
  return (docker.version as unknown as WithOpts<Docker.DockerVersion>).call(docker, { abortSignal: signal });
}

export function engineInfo(docker: Docker, signal?: AbortSignal): Promise<Record<string, unknown>> {
  return (docker.info as unknown as WithOpts<Record<string, unknown>>).call(docker, { abortSignal: signal });
}

export function enginePing(docker: Docker, signal?: AbortSignal): Promise<unknown> {
  return (docker.ping as unknown as WithOpts<unknown>).call(docker, { abortSignal: signal });
}
