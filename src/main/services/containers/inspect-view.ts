import type Docker from 'dockerode';
import type { ContainerInspectView, ContainerNetworkView } from '@shared/contract';
import { toState } from './summary';

function argv(v: string | string[] | null | undefined): string[] | null {
  if (v === null || v === undefined) return null;
  return Array.isArray(v) ? v : [v];
}

function splitEnv(entry: string): { key: string; value: string } {
  const i = entry.indexOf('=');
  return i < 0 ? { key: entry, value: '' } : { key: entry.slice(0, i), value: entry.slice(i + 1) };
}

function portSortKey(spec: string): number {
  return Number.parseInt(spec, 10) || 0;
}

/**
 * Reduces the engine's inspect document to what the Overview tab shows. Pure; the raw document
 * travels along for the Inspect tab.
 */
export function toInspectView(info: Docker.ContainerInspectInfo): ContainerInspectView {
  const hc = info.HostConfig ?? {};
  const cfg = info.Config;
  const health = info.State.Health;

  // Exposed ports with no binding still show (as unpublished); bindings come from NetworkSettings
  // when running and from HostConfig otherwise.
  const bound: Record<string, Array<{ HostIp: string; HostPort: string }> | null> = {
    ...Object.fromEntries(Object.keys(cfg.ExposedPorts ?? {}).map((k) => [k, null])),
    ...((hc.PortBindings ?? {}) as Record<string, Array<{ HostIp: string; HostPort: string }>>),
    ...(info.NetworkSettings?.Ports ?? {}),
  };
  const ports = Object.entries(bound)
    .sort(([a], [b]) => portSortKey(a) - portSortKey(b))
    .map(([spec, bindings]) => {
      const [port, protocol] = spec.split('/');
      return {
        containerPort: Number.parseInt(port ?? '0', 10),
        protocol: protocol ?? 'tcp',
        bindings: (bindings ?? []).map((b) => ({ hostIp: b.HostIp ?? '', hostPort: b.HostPort ?? '' })),
      };
    });

  const networks: ContainerNetworkView[] = Object.entries(info.NetworkSettings?.Networks ?? {}).map(
    ([name, n]) => ({
      name,
      ipAddress: n.IPAddress ?? '',
      ipPrefixLen: n.IPPrefixLen ?? 0,
      ipv6Address: n.GlobalIPv6Address ?? '',
      gateway: n.Gateway ?? '',
      macAddress: n.MacAddress ?? '',
      aliases: Array.isArray(n.Aliases) ? (n.Aliases as unknown[]).map(String) : [],
    }),
  );

  const view: ContainerInspectView = {
    id: info.Id,
    name: info.Name.replace(/^\//, ''),
    image: cfg.Image,
    imageId: info.Image,
    created: info.Created,
    state: {
      status: toState(info.State.Status),
      running: info.State.Running,
      paused: info.State.Paused,
      restarting: info.State.Restarting,
      oomKilled: info.State.OOMKilled,
      pid: info.State.Pid,
      exitCode: info.State.ExitCode,
      error: info.State.Error ?? '',
      startedAt: info.State.StartedAt,
      finishedAt: info.State.FinishedAt,
    },
    restartCount: info.RestartCount ?? 0,
    path: info.Path,
    args: info.Args ?? [],
    entrypoint: argv(cfg.Entrypoint),
    cmd: argv(cfg.Cmd),
    workingDir: cfg.WorkingDir ?? '',
    user: cfg.User ?? '',
    hostname: cfg.Hostname ?? '',
    tty: cfg.Tty,
    openStdin: cfg.OpenStdin,
    autoRemove: hc.AutoRemove ?? false,
    restartPolicy: {
      name: hc.RestartPolicy?.Name || 'no',
      maximumRetryCount: hc.RestartPolicy?.MaximumRetryCount ?? 0,
    },
    networkMode: hc.NetworkMode ?? '',
    ports,
    mounts: (info.Mounts ?? []).map((m) => {
      const out: ContainerInspectView['mounts'][number] = {
        type: m.Type,
        source: m.Source,
        destination: m.Destination,
        readOnly: !m.RW,
      };
      if (m.Name) out.name = m.Name;
      if (m.Driver) out.driver = m.Driver;
      return out;
    }),
    networks,
    env: (cfg.Env ?? []).map(splitEnv),
    labels: cfg.Labels ?? {},
    limits: {
      memory: hc.Memory ?? 0,
      memorySwap: hc.MemorySwap ?? 0,
      memoryReservation: hc.MemoryReservation ?? 0,
      nanoCpus: hc.NanoCpus ?? 0,
      cpuShares: hc.CpuShares ?? 0,
      cpuQuota: hc.CpuQuota ?? 0,
      cpuPeriod: hc.CpuPeriod ?? 0,
      cpusetCpus: hc.CpusetCpus ?? '',
      pidsLimit: hc.PidsLimit ?? 0,
    },
    raw: info as unknown as Record<string, unknown>,
  };
  if (health) {
    view.health = {
      status: health.Status,
      failingStreak: health.FailingStreak ?? 0,
      log: (health.Log ?? []).map((l) => ({
        start: l.Start,
        end: l.End,
        exitCode: l.ExitCode,
        output: l.Output,
      })),
    };
  }
  return view;
}
