import type { RunSpec } from '../contract/container-run-spec';
import type { CreateNetworkInput } from '../contract/networks';
import type { EngineRequest } from './engine-request';
import { REDACTED, redactJson } from './redact';

/**
 * The requests a form would send, before it is sent ("copy as" for a form). The body builders are
 * the ones the services send, so the copy is exactly what the click does; the requests returned
 * here are redacted (snippets read secret values from the environment).
 */

/** The engine's create body for a run spec (what `docker run` would send). */
export function containerCreateBody(spec: RunSpec): Record<string, unknown> {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
  for (const p of spec.ports) {
    const key = `${p.containerPort}/${p.protocol}`;
    exposed[key] = {};
    (bindings[key] ??= []).push({ HostIp: p.hostIp, HostPort: p.hostPort ? String(p.hostPort) : '' });
  }
  const hostConfig: Record<string, unknown> = {
    PortBindings: bindings,
    Mounts: spec.mounts.map((m) => ({
      Type: m.type,
      // An empty volume source asks the engine for an anonymous volume.
      Source: m.source,
      Target: m.target,
      ReadOnly: m.readOnly,
    })),
    RestartPolicy: {
      Name: spec.restartPolicy.name,
      MaximumRetryCount: spec.restartPolicy.name === 'on-failure' ? (spec.restartPolicy.maxRetries ?? 0) : 0,
    },
    AutoRemove: spec.autoRemove,
  };
  if (spec.memoryBytes !== undefined) hostConfig.Memory = spec.memoryBytes;
  if (spec.cpus !== undefined) hostConfig.NanoCpus = Math.round(spec.cpus * 1e9);
  if (spec.network !== undefined) hostConfig.NetworkMode = spec.network;
  const body: Record<string, unknown> = {
    Image: spec.image,
    Env: spec.env,
    Labels: spec.labels,
    Tty: spec.tty,
    OpenStdin: spec.interactive,
    StdinOnce: false,
    ExposedPorts: exposed,
    HostConfig: hostConfig,
  };
  if (spec.cmd !== undefined) body.Cmd = spec.cmd;
  if (spec.entrypoint !== undefined) body.Entrypoint = spec.entrypoint;
  if (spec.workingDir !== undefined) body.WorkingDir = spec.workingDir;
  if (spec.user !== undefined) body.User = spec.user;
  return body;
}

export function containerCreateRequest(spec: RunSpec): EngineRequest {
  return {
    method: 'POST',
    path: '/containers/create',
    query: spec.name !== undefined ? [['name', spec.name]] : [],
    body: redactJson(containerCreateBody(spec), '/containers/create'),
  };
}

/** The start that follows a create when the form says "run". */
export function containerStartRequest(nameOrId: string): EngineRequest {
  return { method: 'POST', path: `/containers/${encodeURIComponent(nameOrId)}/start` };
}

/** Pull: `withAuth` when a registry login matches (its credentials are read from the environment). */
export function pullRequest(reference: string, withAuth: boolean): EngineRequest {
  const at = reference.indexOf('@');
  const colon = reference.lastIndexOf(':');
  let image = reference;
  let tag = 'latest';
  if (at >= 0) {
    image = reference.slice(0, at);
    tag = reference.slice(at + 1);
  } else if (colon > reference.lastIndexOf('/')) {
    image = reference.slice(0, colon);
    tag = reference.slice(colon + 1);
  }
  const req: EngineRequest = {
    method: 'POST',
    path: '/images/create',
    query: [
      ['fromImage', image],
      ['tag', tag],
    ],
  };
  if (withAuth) req.headers = { 'X-Registry-Auth': REDACTED };
  return req;
}

export function networkCreateBody(input: CreateNetworkInput): Record<string, unknown> {
  const ipam = input.ipam ?? [];
  return {
    Name: input.name,
    Driver: input.driver,
    CheckDuplicate: true,
    Internal: input.internal ?? false,
    Attachable: input.attachable ?? false,
    EnableIPv6: input.ipv6 ?? false,
    Labels: input.labels ?? {},
    Options: input.options ?? {},
    ...(ipam.length > 0
      ? {
          IPAM: {
            Driver: 'default',
            Config: ipam.map((b) => ({
              Subnet: b.subnet.trim(),
              ...(b.gateway?.trim() ? { Gateway: b.gateway.trim() } : {}),
              ...(b.ipRange?.trim() ? { IPRange: b.ipRange.trim() } : {}),
            })),
          },
        }
      : {}),
  };
}

export function networkCreateRequest(input: CreateNetworkInput): EngineRequest {
  return { method: 'POST', path: '/networks/create', body: networkCreateBody(input) };
}

export interface VolumeForm {
  name?: string | undefined;
  driver: string;
  options?: Record<string, string>;
  labels?: Record<string, string>;
}

export function volumeCreateBody(v: VolumeForm): Record<string, unknown> {
  return {
    ...(v.name ? { Name: v.name } : {}),
    Driver: v.driver,
    DriverOpts: v.options ?? {},
    Labels: v.labels ?? {},
  };
}

export function volumeCreateRequest(v: VolumeForm): EngineRequest {
  return { method: 'POST', path: '/volumes/create', body: volumeCreateBody(v) };
}

/** A terminal's "auto" shell: bash when the image has it, else sh (exec'd: exit codes pass). */
export const AUTO_SHELL = [
  '/bin/sh',
  '-c',
  'if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi',
];

export interface ExecForm {
  container: string;
  cmd: string[];
  tty: boolean;
  user?: string;
  workingDir?: string;
  env?: string[];
}

/** The exec create; the exec is then started over a hijacked connection (a terminal, not the console). */
export function execCreateRequest(f: ExecForm): EngineRequest {
  const body: Record<string, unknown> = {
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    Tty: f.tty,
    Cmd: f.cmd,
  };
  if (f.user) body.User = f.user;
  if (f.workingDir) body.WorkingDir = f.workingDir;
  if (f.env?.length) body.Env = f.env;
  return {
    method: 'POST',
    path: `/containers/${encodeURIComponent(f.container)}/exec`,
    body: redactJson(body, '/exec'),
  };
}

export interface BuildForm {
  /** The folder sent as the context (on the computer that runs the snippet). */
  contextPath: string;
  tags: string[];
  dockerfile?: string;
  buildArgs?: Record<string, string>;
  target?: string;
  pull?: boolean;
  noCache?: boolean;
  labels?: Record<string, string>;
  platform?: string;
}

/** The build's query as the app sends it; the context folder goes as a tar body. */
export function buildRequest(f: BuildForm): EngineRequest {
  const q: Array<[string, string]> = f.tags.map((t): [string, string] => ['t', t]);
  if (f.dockerfile) q.push(['dockerfile', f.dockerfile]);
  if (f.buildArgs && Object.keys(f.buildArgs).length) {
    const { buildargs } = redactJson({ buildargs: f.buildArgs }) as { buildargs: unknown };
    q.push(['buildargs', JSON.stringify(buildargs)]);
  }
  if (f.target) q.push(['target', f.target]);
  if (f.pull) q.push(['pull', '1']);
  if (f.noCache) q.push(['nocache', '1']);
  if (f.labels && Object.keys(f.labels).length) q.push(['labels', JSON.stringify(f.labels)]);
  if (f.platform) q.push(['platform', f.platform]);
  // The app's own: remove intermediate containers, even after a failed step.
  q.push(['rm', '1'], ['forcerm', '1']);
  return { method: 'POST', path: '/build', query: q, tarContext: f.contextPath };
}
