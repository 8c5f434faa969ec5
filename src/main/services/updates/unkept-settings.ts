import type Docker from 'dockerode';

type HostConfig = NonNullable<Docker.ContainerInspectInfo['HostConfig']> & Record<string, unknown>;

const nonEmpty = (v: unknown) =>
  Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== '' && v !== false && v !== 0;

/** HostConfig fields the run form (and so the edit-and-recreate path) does not carry, in words. */
const HOST_FIELDS: Array<[string, string]> = [
  ['Privileged', 'privileged mode'],
  ['CapAdd', 'added capabilities'],
  ['CapDrop', 'dropped capabilities'],
  ['Devices', 'devices'],
  ['ExtraHosts', 'extra hosts'],
  ['Dns', 'DNS servers'],
  ['SecurityOpt', 'security options'],
  ['Ulimits', 'ulimits'],
  ['Sysctls', 'sysctls'],
  ['Tmpfs', 'tmpfs mounts'],
  ['Links', 'links'],
  ['PidMode', 'PID mode'],
  ['IpcMode', 'IPC mode'],
  ['GroupAdd', 'extra groups'],
];

/**
 * What a container has that recreating it from its run spec would silently drop (the spec keeps
 * image, command, env, ports, mounts, one network, restart policy, labels, limits, user, workdir).
 * An update refuses such a container rather than change it behind the user's back.
 */
export function unkeptSettings(info: Docker.ContainerInspectInfo, imageHealthcheck: unknown): string[] {
  const hc = (info.HostConfig ?? {}) as HostConfig;
  const out: string[] = [];
  for (const [field, words] of HOST_FIELDS) {
    const v = hc[field];
    if (field === 'IpcMode' && (v === 'private' || v === 'shareable' || !v)) continue;
    if (nonEmpty(v)) out.push(words);
  }
  const log = hc.LogConfig as { Type?: string; Config?: Record<string, string> } | undefined;
  if (log?.Config && Object.keys(log.Config).length > 0) out.push('log options');
  const own = (info.Config as { Healthcheck?: unknown }).Healthcheck;
  if (own && JSON.stringify(own) !== JSON.stringify(imageHealthcheck ?? null))
    out.push('its own healthcheck');
  const networks = Object.keys(info.NetworkSettings?.Networks ?? {});
  if (networks.length > 1) out.push('more than one network');
  return out;
}
