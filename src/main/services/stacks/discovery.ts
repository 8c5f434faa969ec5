import type Docker from 'dockerode';
import type {
  ComposeStackSummary,
  StackContainerView,
  StackOrigin,
  StackServiceSummary,
} from '@shared/contract';
import { L } from './labels';

function originOf(labels: Record<string, string>, name: string): StackOrigin {
  if (labels[L.fields]) return 'berthmaster';
  const version = labels[L.version] ?? '';
  if (version.startsWith('1.')) return 'compose-v1';
  // v1 names containers with "_", v2 with "-".
  if (!version && name.includes('_')) return 'compose-v1';
  return 'compose-v2';
}

function portText(p: Docker.Port): string {
  return p.PublicPort
    ? `${p.IP ?? '0.0.0.0'}:${p.PublicPort}->${p.PrivatePort}/${p.Type}`
    : `${p.PrivatePort}/${p.Type}`;
}

/**
 * Every compose project on a host, from the com.docker.compose.* labels on containers, networks
 * and volumes, whoever made it (this app, docker compose v2, docker-compose v1). `stored` names
 * the projects whose file the app keeps; `desired` gives their replica counts.
 */
export async function discoverProjects(
  docker: Docker,
  stored: Map<string, Record<string, number>>,
  signal: AbortSignal,
): Promise<ComposeStackSummary[]> {
  const [containers, networks, volumes] = await Promise.all([
    docker.listContainers({
      all: true,
      filters: { label: [L.project] },
      abortSignal: signal,
    } as Docker.ContainerListOptions),
    docker.listNetworks({ filters: { label: [L.project] }, abortSignal: signal } as object) as Promise<
      Docker.NetworkInspectInfo[]
    >,
    docker.listVolumes({ filters: { label: [L.project] }, abortSignal: signal } as object) as Promise<{
      Volumes?: Docker.VolumeInspectInfo[];
    }>,
  ]);
  const projects = new Map<string, ComposeStackSummary>();
  const get = (name: string): ComposeStackSummary => {
    let p = projects.get(name);
    if (!p) {
      p = {
        name,
        origin: 'compose-v2',
        state: 'empty',
        stored: stored.has(name),
        services: [],
        networks: [],
        volumes: [],
        ports: [],
      };
      projects.set(name, p);
    }
    return p;
  };
  for (const c of containers) {
    const labels = c.Labels ?? {};
    const project = get(labels[L.project] ?? '');
    const name = (c.Names[0] ?? c.Id).replace(/^\//, '');
    project.origin = originOf(labels, name);
    if (labels[L.workingDir]) project.workingDir = labels[L.workingDir];
    if (labels[L.configFiles]) project.configFiles = labels[L.configFiles]!.split(',');
    const serviceName = labels[L.service] ?? '';
    let svc = project.services.find((s) => s.name === serviceName);
    if (!svc) {
      svc = {
        name: serviceName,
        image: c.Image,
        running: 0,
        desired: stored.get(project.name)?.[serviceName] ?? null,
        containers: [],
      };
      project.services.push(svc);
    }
    const health = /\((healthy|unhealthy|health: starting)\)/.exec(c.Status)?.[1];
    const view: StackContainerView = {
      id: c.Id,
      name,
      service: serviceName,
      number: Number(labels[L.number] ?? '1'),
      state: c.State,
      status: c.Status,
      image: c.Image,
      ports: (c.Ports ?? []).map(portText),
      oneoff: labels[L.oneoff] === 'True',
    };
    if (health) view.health = health;
    svc.containers.push(view);
    if (c.State === 'running' && !view.oneoff) svc.running++;
    for (const p of view.ports) if (p.includes('->') && !project.ports.includes(p)) project.ports.push(p);
  }
  for (const n of networks) get(n.Labels?.[L.project] ?? '').networks.push(n.Name);
  for (const v of volumes.Volumes ?? []) get(v.Labels?.[L.project] ?? '').volumes.push(v.Name);
  for (const name of stored.keys()) {
    const p = get(name);
    p.stored = true;
    p.origin = p.services.length ? p.origin : 'berthmaster';
    for (const [svcName, desired] of Object.entries(stored.get(name) ?? {})) {
      if (!p.services.some((s) => s.name === svcName))
        p.services.push({ name: svcName, image: '', running: 0, desired, containers: [] });
    }
  }
  await addSwarmStacks(docker, [...projects.values()], signal);
  for (const p of projects.values()) {
    if (p.origin === 'swarm') continue;
    const serviceList: StackServiceSummary[] = p.services;
    serviceList.sort((a, b) => a.name.localeCompare(b.name));
    const running = serviceList.reduce((n, s) => n + s.running, 0);
    const all = serviceList.reduce((n, s) => n + s.containers.filter((c) => !c.oneoff).length, 0);
    p.state =
      all === 0
        ? 'empty'
        : running === 0
          ? 'stopped'
          : serviceList.every((s) => s.running >= (s.desired ?? Math.max(1, s.containers.length)))
            ? 'running'
            : 'partial';
  }
  return [...projects.values()].filter((p) => p.name).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A stored project deployed as a swarm stack has services, not containers: without this it would
 * read "empty". Asked only when a stored project has no containers, so hosts without swarm stacks
 * pay nothing; a host that is not a manager answers 503 and has none.
 */
async function addSwarmStacks(
  docker: Docker,
  all: ComposeStackSummary[],
  signal: AbortSignal,
): Promise<void> {
  const candidates = new Map(
    all.filter((p) => p.stored && p.services.every((s) => s.containers.length === 0)).map((p) => [p.name, p]),
  );
  if (candidates.size === 0) return;
  let services: Docker.Service[];
  try {
    services = await docker.listServices({
      status: true,
      filters: { label: [L.stackNamespace] },
      abortSignal: signal,
    } as Docker.ServiceListOptions);
  } catch (e) {
    // 503: not a swarm manager, so no swarm stacks here; anything else is the engine's trouble.
    if ((e as { statusCode?: number }).statusCode === 503) return;
    throw e;
  }
  const seen = new Set<ComposeStackSummary>();
  for (const svc of services) {
    const labels = svc.Spec?.Labels ?? {};
    const project = candidates.get(labels[L.stackNamespace] ?? '');
    if (!project) continue;
    if (!seen.has(project)) {
      seen.add(project);
      project.origin = 'swarm';
      project.services = [];
      project.ports = [];
    }
    const name = (svc.Spec?.Name ?? '').replace(`${project.name}_`, '');
    const status = (svc as { ServiceStatus?: { RunningTasks?: number; DesiredTasks?: number } })
      .ServiceStatus;
    project.services.push({
      name,
      image:
        (
          svc.Spec?.TaskTemplate as { ContainerSpec?: { Image?: string } } | undefined
        )?.ContainerSpec?.Image?.replace(/@sha256:.*$/, '') ?? '',
      running: status?.RunningTasks ?? 0,
      desired: status?.DesiredTasks ?? null,
      containers: [],
    });
    for (const port of svc.Endpoint?.Ports ?? [])
      if (port.PublishedPort)
        project.ports.push(`*:${port.PublishedPort}->${port.TargetPort}/${port.Protocol ?? 'tcp'}`);
  }
  for (const p of seen) {
    p.services.sort((a, b) => a.name.localeCompare(b.name));
    const running = p.services.reduce((n, s) => n + s.running, 0);
    const desired = p.services.reduce((n, s) => n + (s.desired ?? 0), 0);
    p.state =
      desired === 0 && running === 0
        ? 'stopped'
        : running === 0
          ? 'stopped'
          : running >= desired
            ? 'running'
            : 'partial';
  }
}
