import { REDACTED, redactEnvEntry } from '../redact';
import { sh } from './shell';

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : {});
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/**
 * `docker create`/`docker run` flags for a container create body (the engine's ContainerConfig
 * with HostConfig and NetworkingConfig), ending with the image and command. Env values with
 * secret names become `-e NAME` (read from the caller's environment).
 */
export function createBodyFlags(body: Rec, name: string | undefined): string[] {
  const hc = rec(body.HostConfig);
  const w: string[] = [];
  if (name) w.push('--name', sh(name));
  if (body.Tty === true) w.push('-t');
  if (body.OpenStdin === true) w.push('-i');
  if (hc.AutoRemove === true) w.push('--rm');
  if (typeof body.Hostname === 'string' && body.Hostname) w.push('--hostname', sh(body.Hostname));
  if (typeof body.User === 'string' && body.User) w.push('--user', sh(body.User));
  if (typeof body.WorkingDir === 'string' && body.WorkingDir) w.push('--workdir', sh(body.WorkingDir));
  for (const e of strs(body.Env)) w.push('-e', envFlag(redactEnvEntry(e)));
  for (const [k, v] of Object.entries(rec(body.Labels))) w.push('--label', sh(`${k}=${String(v)}`));
  const bound = new Set<string>();
  for (const [port, list] of Object.entries(rec(hc.PortBindings))) {
    for (const b of (Array.isArray(list) ? list : []) as Rec[]) {
      bound.add(port);
      const ip =
        typeof b.HostIp === 'string' && b.HostIp
          ? `${b.HostIp.includes(':') ? `[${b.HostIp}]` : b.HostIp}:`
          : '';
      const hostPort = typeof b.HostPort === 'string' ? b.HostPort : '';
      const [p, proto] = port.split('/');
      const spec = `${ip}${hostPort}${ip || hostPort ? ':' : ''}${p}${proto && proto !== 'tcp' ? `/${proto}` : ''}`;
      w.push('-p', sh(spec));
    }
  }
  for (const port of Object.keys(rec(body.ExposedPorts))) if (!bound.has(port)) w.push('--expose', sh(port));
  for (const bind of strs(hc.Binds)) w.push('-v', sh(bind));
  for (const m of (Array.isArray(hc.Mounts) ? hc.Mounts : []) as Rec[]) {
    const parts = [`type=${String(m.Type ?? 'volume')}`];
    if (typeof m.Source === 'string' && m.Source) parts.push(`source=${m.Source}`);
    parts.push(`target=${String(m.Target ?? '')}`);
    if (m.ReadOnly === true) parts.push('readonly');
    w.push('--mount', sh(parts.join(',')));
  }
  const restart = rec(hc.RestartPolicy);
  if (typeof restart.Name === 'string' && restart.Name && restart.Name !== 'no') {
    const max = Number(restart.MaximumRetryCount ?? 0);
    w.push('--restart', sh(restart.Name === 'on-failure' && max > 0 ? `on-failure:${max}` : restart.Name));
  }
  if (typeof hc.Memory === 'number' && hc.Memory > 0) w.push('--memory', String(hc.Memory));
  if (typeof hc.MemoryReservation === 'number' && hc.MemoryReservation > 0)
    w.push('--memory-reservation', String(hc.MemoryReservation));
  if (typeof hc.NanoCpus === 'number' && hc.NanoCpus > 0) w.push('--cpus', String(hc.NanoCpus / 1e9));
  if (typeof hc.CpuShares === 'number' && hc.CpuShares > 0) w.push('--cpu-shares', String(hc.CpuShares));
  if (typeof hc.PidsLimit === 'number' && hc.PidsLimit > 0) w.push('--pids-limit', String(hc.PidsLimit));
  if (hc.Privileged === true) w.push('--privileged');
  if (hc.ReadonlyRootfs === true) w.push('--read-only');
  if (hc.Init === true) w.push('--init');
  for (const cap of strs(hc.CapAdd)) w.push('--cap-add', sh(cap));
  for (const cap of strs(hc.CapDrop)) w.push('--cap-drop', sh(cap));
  for (const d of strs(hc.Dns)) w.push('--dns', sh(d));
  for (const h of strs(hc.ExtraHosts)) w.push('--add-host', sh(h));
  const log = rec(hc.LogConfig);
  if (typeof log.Type === 'string' && log.Type && log.Type !== 'json-file')
    w.push('--log-driver', sh(log.Type));
  for (const [k, v] of Object.entries(rec(log.Config))) w.push('--log-opt', sh(`${k}=${String(v)}`));
  const mode = typeof hc.NetworkMode === 'string' ? hc.NetworkMode : '';
  if (mode && mode !== 'default') w.push('--network', sh(mode));
  const entry = strs(body.Entrypoint);
  if (entry.length > 0) w.push('--entrypoint', sh(entry[0] as string));
  w.push(sh(String(body.Image ?? '')));
  // `--entrypoint` takes one word: the entrypoint's other words go before the command.
  w.push(...entry.slice(1).map(sh), ...strs(body.Cmd).map(sh));
  return w;
}

/** `-e NAME=value`, or `-e NAME` (the value from the environment) for a redacted one. */
export function envFlag(entry: string): string {
  return entry.endsWith(`=${REDACTED}`) ? sh(entry.slice(0, -REDACTED.length - 1)) : sh(entry);
}
