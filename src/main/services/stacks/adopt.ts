import type Docker from 'dockerode';
import { stringify } from 'yaml';
import { shortId } from '@shared/lib/short-id';
import { L } from './labels';

type Raw = Record<string, unknown>;

const COMPOSE_LABEL = /^com\.docker\.compose\.|^io\.berthmaster\.stack\./;

/** The aliases a user gave: not the service or container name compose adds, nor the engine's short id. */
export function userAliases(aliases: string[], service: string, containerName: string, id: string): string[] {
  const name = containerName.replace(/^\//, '');
  return aliases.filter((a) => a !== service && a !== name && a !== shortId(id));
}

/**
 * A compose file rebuilt from a project's containers (inspect), for the user to review before it
 * is stored. Only what inspect shows reliably is written; the notes list what could not be known.
 */
export async function reconstructCompose(
  docker: Docker,
  project: string,
  signal: AbortSignal,
): Promise<{ composeYaml: string; envText: string; notes: string[] }> {
  const list = await docker.listContainers({
    all: true,
    filters: { label: [`${L.project}=${project}`, `${L.oneoff}=False`] },
    abortSignal: signal,
  } as Docker.ContainerListOptions);
  if (!list.length)
    return { composeYaml: '', envText: '', notes: [`No containers of project ${project} were found.`] };
  const notes: string[] = [];
  const services: Record<string, Raw> = {};
  const networks: Record<string, Raw> = {};
  const volumes: Record<string, Raw> = {};
  const replicas: Record<string, number> = {};
  for (const c of list.sort((a, b) => Number(a.Labels[L.number] ?? 1) - Number(b.Labels[L.number] ?? 1))) {
    const service = c.Labels[L.service] ?? shortId(c.Id);
    replicas[service] = (replicas[service] ?? 0) + 1;
    if (services[service]) continue;
    const info = (await docker
      .getContainer(c.Id)
      .inspect({ abortSignal: signal } as object)) as Docker.ContainerInspectInfo;
    const image = (await docker
      .getImage(info.Image)
      .inspect({ abortSignal: signal } as object)
      .catch(() => null)) as Docker.ImageInspectInfo | null;
    const imgEnv = new Set(image?.Config?.Env ?? []);
    const svc: Raw = { image: info.Config.Image };
    const sameAs = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
    if (info.Config.Cmd && !sameAs(info.Config.Cmd, image?.Config?.Cmd)) svc.command = info.Config.Cmd;
    if (info.Config.Entrypoint && !sameAs(info.Config.Entrypoint, image?.Config?.Entrypoint))
      svc.entrypoint = info.Config.Entrypoint;
    const env = (info.Config.Env ?? []).filter((e) => !imgEnv.has(e));
    if (env.length) svc.environment = env;
    const ports: string[] = [];
    for (const [key, binds] of Object.entries(info.HostConfig.PortBindings ?? {})) {
      for (const b of (binds as Array<{ HostIp: string; HostPort: string }> | null) ?? []) {
        const [port, proto] = key.split('/');
        ports.push(
          `${b.HostIp ? `${b.HostIp}:` : ''}${b.HostPort ? `${b.HostPort}:` : ''}${port}${proto === 'tcp' ? '' : `/${proto}`}`,
        );
      }
    }
    if (ports.length) svc.ports = ports;
    const mounts: string[] = [];
    for (const m of info.Mounts ?? []) {
      if (m.Type === 'volume' && m.Name) {
        const key = m.Name.startsWith(`${project}_`) ? m.Name.slice(project.length + 1) : m.Name;
        if (/^[0-9a-f]{64}$/.test(m.Name)) mounts.push(m.Destination);
        else {
          volumes[key] = m.Name === `${project}_${key}` ? {} : { name: m.Name, external: true };
          mounts.push(`${key}:${m.Destination}${m.RW ? '' : ':ro'}`);
        }
      } else if (m.Type === 'bind') mounts.push(`${m.Source}:${m.Destination}${m.RW ? '' : ':ro'}`);
    }
    if (mounts.length) svc.volumes = mounts;
    const restart = info.HostConfig.RestartPolicy?.Name;
    if (restart && restart !== 'no')
      svc.restart =
        restart === 'on-failure' && info.HostConfig.RestartPolicy?.MaximumRetryCount
          ? `on-failure:${info.HostConfig.RestartPolicy.MaximumRetryCount}`
          : restart;
    const labels = Object.fromEntries(
      Object.entries(info.Config.Labels ?? {}).filter(
        ([k]) => !COMPOSE_LABEL.test(k) && !(image?.Config?.Labels ?? {})[k],
      ),
    );
    if (Object.keys(labels).length) svc.labels = labels;
    const nets: Record<string, Raw | null> = {};
    for (const [netName, ep] of Object.entries(info.NetworkSettings.Networks ?? {})) {
      const key = netName.startsWith(`${project}_`) ? netName.slice(project.length + 1) : netName;
      networks[key] = netName === `${project}_${key}` ? {} : { name: netName, external: true };
      const aliases = userAliases((ep.Aliases ?? []) as string[], service, info.Name, info.Id);
      nets[key] = aliases.length ? { aliases } : null;
    }
    if (!(Object.keys(nets).length === 1 && 'default' in nets && nets.default === null)) svc.networks = nets;
    if (info.Config.User) svc.user = info.Config.User;
    if (info.Config.WorkingDir && info.Config.WorkingDir !== image?.Config?.WorkingDir)
      svc.working_dir = info.Config.WorkingDir;
    if (info.HostConfig.Privileged) svc.privileged = true;
    if (info.HostConfig.CapAdd?.length) svc.cap_add = info.HostConfig.CapAdd;
    if (info.HostConfig.CapDrop?.length) svc.cap_drop = info.HostConfig.CapDrop;
    const hc = info.Config.Healthcheck as Raw | undefined;
    if (hc?.Test) {
      const ns = (n: unknown) => (typeof n === 'number' && n > 0 ? `${n / 1e9}s` : undefined);
      svc.healthcheck = {
        test: hc.Test,
        ...(ns(hc.Interval) ? { interval: ns(hc.Interval) } : {}),
        ...(ns(hc.Timeout) ? { timeout: ns(hc.Timeout) } : {}),
        ...(typeof hc.Retries === 'number' && hc.Retries ? { retries: hc.Retries } : {}),
        ...(ns(hc.StartPeriod) ? { start_period: ns(hc.StartPeriod) } : {}),
      };
    }
    if (info.HostConfig.Memory)
      svc.deploy = {
        resources: {
          limits: {
            memory: `${info.HostConfig.Memory}b`,
            ...(info.HostConfig.NanoCpus ? { cpus: String(info.HostConfig.NanoCpus / 1e9) } : {}),
          },
        },
      };
    const deps = c.Labels[L.dependsOn];
    if (deps)
      svc.depends_on = Object.fromEntries(
        deps.split(',').map((d) => {
          const [s, cond] = d.split(':');
          return [s, { condition: cond ?? 'service_started' }];
        }),
      );
    services[service] = svc;
  }
  for (const [s, n] of Object.entries(replicas)) {
    if (n > 1)
      services[s] = { ...services[s], deploy: { ...((services[s]?.deploy as Raw) ?? {}), replicas: n } };
  }
  notes.push(
    'Environment values are written as they are in the containers; move secrets to .env before storing.',
  );
  notes.push(
    'Build sections, env_file, profiles and depends_on conditions of the original file cannot be seen in containers.',
  );
  const file: Raw = { name: project, services };
  if (Object.keys(networks).some((k) => k !== 'default' || Object.keys(networks[k] ?? {}).length))
    file.networks = networks;
  if (Object.keys(volumes).length) file.volumes = volumes;
  return { composeYaml: stringify(file), envText: '', notes };
}
