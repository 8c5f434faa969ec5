import type { StackMount, StackProject, StackService } from '@shared/contract';
import { containerLabels, containerName } from './labels';

/** The Engine API's POST /containers/create body, typed as far as the stack uses it. */
export interface ContainerCreateBody {
  Image: string;
  Cmd?: string[];
  Entrypoint?: string[];
  Env: string[];
  Labels: Record<string, string>;
  User?: string;
  WorkingDir?: string;
  Hostname?: string;
  Domainname?: string;
  ExposedPorts: Record<string, Record<string, never>>;
  Tty: boolean;
  OpenStdin: boolean;
  AttachStdin: boolean;
  StopSignal?: string;
  StopTimeout?: number;
  Healthcheck?: {
    Test?: string[];
    Interval?: number;
    Timeout?: number;
    StartPeriod?: number;
    StartInterval?: number;
    Retries?: number;
  };
  HostConfig: Record<string, unknown>;
  NetworkingConfig: { EndpointsConfig: Record<string, EndpointConfig> };
}

export interface EndpointConfig {
  Aliases: string[];
  IPAMConfig?: { IPv4Address?: string; IPv6Address?: string };
}

/** One container to create: its name, body, and the networks to connect after create (API < 1.44 takes one). */
export interface PlannedContainer {
  service: string;
  number: number;
  name: string;
  body: ContainerCreateBody;
  extraNetworks: Array<{ name: string; config: EndpointConfig }>;
}

function restartPolicy(restart: string): { Name: string; MaximumRetryCount: number } {
  const [name = 'no', max] = restart.split(':');
  return { Name: name === 'no' ? '' : name, MaximumRetryCount: max ? Number(max) : 0 };
}

function mountOf(m: StackMount, project: StackProject): Record<string, unknown> {
  if (m.type === 'tmpfs') {
    const opts: Record<string, number> = {};
    if (m.tmpfsSize !== undefined) opts.SizeBytes = m.tmpfsSize;
    if (m.tmpfsMode !== undefined) opts.Mode = m.tmpfsMode;
    return {
      Type: 'tmpfs',
      Target: m.target,
      ReadOnly: m.readOnly,
      ...(Object.keys(opts).length ? { TmpfsOptions: opts } : {}),
    };
  }
  if (m.type === 'bind') {
    return {
      Type: 'bind',
      Source: m.source,
      Target: m.target,
      ReadOnly: m.readOnly,
      ...(m.bindPropagation ? { BindOptions: { Propagation: m.bindPropagation } } : {}),
    };
  }
  const volume = project.volumes.find((v) => v.key === m.source);
  return {
    Type: 'volume',
    Source: volume?.name ?? '',
    Target: m.target,
    ReadOnly: m.readOnly,
    ...(m.noCopy ? { VolumeOptions: { NoCopy: true } } : {}),
  };
}

export function portKey(p: { target: number; protocol: string }): string {
  return `${p.target}/${p.protocol}`;
}

/** The create request for replica `number` of a service, as docker compose would send it. */
export function createBody(project: StackProject, service: StackService, number: number): PlannedContainer {
  const name = containerName(project.name, service, number);
  const exposed: ContainerCreateBody['ExposedPorts'] = {};
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
  for (const p of service.ports) {
    const key = portKey(p);
    exposed[key] = {};
    (bindings[key] ??= []).push({
      HostIp: p.hostIp ?? '',
      HostPort: p.published === undefined ? '' : String(p.published),
    });
  }
  for (const e of service.expose) {
    const [port, proto = 'tcp'] = e.split('/');
    exposed[`${port}/${proto}`] = {};
  }
  // Short-syntax binds go as Binds: the engine then creates a missing host folder, as compose does.
  const binds = service.mounts
    .filter((m) => m.type === 'bind' && m.createHostPath)
    .map((m) => `${m.source}:${m.target}${m.readOnly ? ':ro' : ''}`);
  const mounts = service.mounts
    .filter((m) => !(m.type === 'bind' && m.createHostPath))
    .map((m) => mountOf(m, project));
  // Empty lists and maps are left out, as docker-compose leaves them out (inspect then shows null).
  const host: Record<string, unknown> = {};
  const set = (key: string, value: unknown[] | Record<string, unknown>) => {
    if (Array.isArray(value) ? value.length : Object.keys(value).length) host[key] = value;
  };
  set('Binds', binds);
  set('Mounts', mounts);
  host.PortBindings = bindings;
  host.RestartPolicy = restartPolicy(service.restart);
  set('CapAdd', service.capAdd);
  set('CapDrop', service.capDrop);
  if (service.privileged) host.Privileged = true;
  if (service.readOnly) host.ReadonlyRootfs = true;
  set(
    'Devices',
    service.devices.map((d) => {
      const [onHost = '', inContainer = onHost, perms = 'rwm'] = d.split(':');
      return { PathOnHost: onHost, PathInContainer: inContainer, CgroupPermissions: perms };
    }),
  );
  set('ExtraHosts', service.extraHosts);
  set('Dns', service.dns);
  set('DnsSearch', service.dnsSearch);
  set('SecurityOpt', service.securityOpt);
  set('Sysctls', service.sysctls);
  set(
    'Ulimits',
    Object.entries(service.ulimits).map(([Name, u]) => ({ Name, Soft: u.soft, Hard: u.hard })),
  );
  set(
    'Tmpfs',
    Object.fromEntries(
      service.tmpfs.map((t) => {
        const [p = '', o = ''] = t.split(/:(.*)/s);
        return [p, o];
      }),
    ),
  );
  if (service.init !== undefined) host.Init = service.init;
  if (service.logging)
    host.LogConfig = { Type: service.logging.driver ?? '', Config: service.logging.options };
  if (service.limits.nanoCpus !== undefined) host.NanoCpus = service.limits.nanoCpus;
  if (service.limits.memoryBytes !== undefined) host.Memory = service.limits.memoryBytes;
  if (service.limits.pids !== undefined) host.PidsLimit = service.limits.pids;
  if (service.reservations.memoryBytes !== undefined)
    host.MemoryReservation = service.reservations.memoryBytes;
  if (service.shmSize !== undefined) host.ShmSize = service.shmSize;

  const endpoints: Array<{ name: string; config: EndpointConfig; priority: number }> = service.networks.map(
    (n) => {
      const net = project.networks.find((x) => x.key === n.key);
      const config: EndpointConfig = { Aliases: [name, service.name, ...n.aliases] };
      if (n.ipv4Address || n.ipv6Address) {
        config.IPAMConfig = {
          ...(n.ipv4Address ? { IPv4Address: n.ipv4Address } : {}),
          ...(n.ipv6Address ? { IPv6Address: n.ipv6Address } : {}),
        };
      }
      return { name: net?.name ?? n.key, config, priority: n.priority };
    },
  );
  endpoints.sort((a, b) => b.priority - a.priority);
  const first = endpoints[0];
  if (service.networkMode) {
    const mode = service.networkMode;
    // "service:db" means the container of that service in this project.
    host.NetworkMode = mode.startsWith('service:') ? `container:${project.name}-${mode.slice(8)}-1` : mode;
  } else if (first) host.NetworkMode = first.name;

  const body: ContainerCreateBody = {
    Image: service.image,
    Env: Object.entries(service.environment).map(([k, v]) => `${k}=${v}`),
    Labels: containerLabels(project, service, number),
    ExposedPorts: exposed,
    Tty: service.tty,
    OpenStdin: service.stdinOpen,
    AttachStdin: false,
    HostConfig: host,
    NetworkingConfig: { EndpointsConfig: first ? { [first.name]: first.config } : {} },
  };
  if (service.command) body.Cmd = service.command;
  if (service.entrypoint) body.Entrypoint = service.entrypoint;
  if (service.user) body.User = service.user;
  if (service.workingDir) body.WorkingDir = service.workingDir;
  if (service.hostname) body.Hostname = service.hostname;
  if (service.domainname) body.Domainname = service.domainname;
  if (service.stopSignal) body.StopSignal = service.stopSignal;
  if (service.stopGracePeriod !== undefined) body.StopTimeout = service.stopGracePeriod;
  if (service.healthcheck) {
    const hc = service.healthcheck;
    body.Healthcheck = hc.disable
      ? { Test: ['NONE'] }
      : {
          ...(hc.test ? { Test: hc.test } : {}),
          ...(hc.interval !== undefined ? { Interval: hc.interval } : {}),
          ...(hc.timeout !== undefined ? { Timeout: hc.timeout } : {}),
          ...(hc.startPeriod !== undefined ? { StartPeriod: hc.startPeriod } : {}),
          ...(hc.startInterval !== undefined ? { StartInterval: hc.startInterval } : {}),
          ...(hc.retries !== undefined ? { Retries: hc.retries } : {}),
        };
  }
  return {
    service: service.name,
    number,
    name,
    body,
    extraNetworks: endpoints.slice(1).map(({ name: n, config }) => ({ name: n, config })),
  };
}
