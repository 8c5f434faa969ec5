import type Docker from 'dockerode';
import { containerCreateBody } from '@shared/apilog/form-requests';
import {
  CONTAINER_NAME_PATTERN,
  NETWORK_NAME_PATTERN,
  USER_PATTERN,
  VOLUME_NAME_PATTERN,
  type MountSpec,
  type PortMapping,
  type RunSpec,
} from '@shared/contract';

/** The engine's create body for a run spec (what `docker run` would send). Pure; shared with "copy as". */
export function toCreateOptions(spec: RunSpec): Docker.ContainerCreateOptions {
  const opts = containerCreateBody(spec) as Docker.ContainerCreateOptions;
  if (spec.name !== undefined) opts.name = spec.name;
  return opts;
}

function sameArgv(a: readonly string[] | null | undefined, b: readonly string[] | null | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function asArgv(v: string | string[] | null | undefined): string[] | undefined {
  if (v === null || v === undefined) return undefined;
  return Array.isArray(v) ? v : [v];
}

/** What the image itself contributes, so the form shows only what the container's creator chose. */
export interface ImageDefaults {
  cmd?: string[] | undefined;
  entrypoint?: string[] | undefined;
  env?: string[] | undefined;
  labels?: Record<string, string> | undefined;
  workingDir?: string | undefined;
  user?: string | undefined;
}

export function imageDefaults(image: Docker.ImageInspectInfo | undefined): ImageDefaults {
  const c = image?.Config;
  if (!c) return {};
  return {
    cmd: asArgv(c.Cmd),
    entrypoint: asArgv(c.Entrypoint as string | string[] | null | undefined),
    env: c.Env ?? [],
    labels: c.Labels ?? {},
    workingDir: c.WorkingDir ?? '',
    user: c.User ?? '',
  };
}

function portsOf(info: Docker.ContainerInspectInfo): PortMapping[] {
  const out: PortMapping[] = [];
  const bindings = (info.HostConfig?.PortBindings ?? {}) as Record<
    string,
    Array<{ HostIp?: string; HostPort?: string }> | null
  >;
  for (const [spec, list] of Object.entries(bindings)) {
    const [port, proto] = spec.split('/');
    const containerPort = Number.parseInt(port ?? '', 10);
    const protocol = proto === 'udp' ? 'udp' : 'tcp';
    if (!Number.isInteger(containerPort) || (proto !== undefined && proto !== 'tcp' && proto !== 'udp'))
      continue;
    for (const b of list ?? []) {
      const hostPort = Number.parseInt(b.HostPort ?? '', 10);
      const m: PortMapping = { hostIp: b.HostIp ?? '', containerPort, protocol };
      if (hostPort > 0) m.hostPort = hostPort;
      out.push(m);
    }
  }
  return out.sort((a, b) => a.containerPort - b.containerPort || (a.hostPort ?? 0) - (b.hostPort ?? 0));
}

function mountsOf(info: Docker.ContainerInspectInfo): MountSpec[] {
  const out: MountSpec[] = [];
  for (const m of info.Mounts ?? []) {
    if (m.Type === 'bind') {
      out.push({ type: 'bind', source: m.Source, target: m.Destination, readOnly: !m.RW });
    } else if (m.Type === 'volume' && m.Name && VOLUME_NAME_PATTERN.test(m.Name)) {
      // Anonymous volumes keep their (hex) name, so the new container gets the same data.
      out.push({ type: 'volume', source: m.Name, target: m.Destination, readOnly: !m.RW });
    }
  }
  return out;
}

/**
 * The run form's values for an existing container ("Edit and recreate"). Values that come from the
 * image are left out, so the new container keeps following its image. Pure; the result is
 * validated by the form and again by the create schema.
 */
export function specFromInspect(info: Docker.ContainerInspectInfo, image: ImageDefaults = {}): RunSpec {
  const cfg = info.Config;
  const hc = info.HostConfig ?? {};
  const imageEnv = new Set(image.env ?? []);
  const imageLabels = image.labels ?? {};
  const restart = hc.RestartPolicy?.Name || 'no';
  const restartName =
    (['no', 'always', 'unless-stopped', 'on-failure'] as const).find((r) => r === restart) ?? 'no';

  const spec: RunSpec = {
    image: cfg.Image,
    env: (cfg.Env ?? []).filter((e) => !imageEnv.has(e)),
    ports: portsOf(info),
    mounts: mountsOf(info),
    restartPolicy:
      restartName === 'on-failure'
        ? { name: restartName, maxRetries: hc.RestartPolicy?.MaximumRetryCount ?? 0 }
        : { name: restartName },
    labels: Object.fromEntries(Object.entries(cfg.Labels ?? {}).filter(([k, v]) => imageLabels[k] !== v)),
    tty: cfg.Tty,
    interactive: cfg.OpenStdin,
    autoRemove: hc.AutoRemove ?? false,
  };
  const name = info.Name.replace(/^\//, '');
  if (CONTAINER_NAME_PATTERN.test(name)) spec.name = name;
  const cmd = asArgv(cfg.Cmd);
  if (cmd && !sameArgv(cmd, image.cmd)) spec.cmd = cmd;
  const entrypoint = asArgv(cfg.Entrypoint);
  if (entrypoint && !sameArgv(entrypoint, image.entrypoint)) spec.entrypoint = entrypoint;
  const mode = hc.NetworkMode ?? '';
  if (mode && mode !== 'default' && mode !== 'bridge' && NETWORK_NAME_PATTERN.test(mode)) spec.network = mode;
  if (hc.Memory) spec.memoryBytes = hc.Memory;
  if (hc.NanoCpus) spec.cpus = hc.NanoCpus / 1e9;
  if (cfg.WorkingDir && cfg.WorkingDir !== (image.workingDir ?? '')) spec.workingDir = cfg.WorkingDir;
  if (cfg.User && cfg.User !== (image.user ?? '') && USER_PATTERN.test(cfg.User)) spec.user = cfg.User;
  return spec;
}
