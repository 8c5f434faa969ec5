import {
  STACK_NAMESPACE_LABEL,
  type ServiceMode,
  type ServicePort,
  type SwarmFile,
  type SwarmNode,
  type SwarmService,
  type SwarmTask,
} from '@shared/contract';
import type {
  EngineNode,
  EnginePort,
  EngineService,
  EngineServiceSpec,
  EngineSwarmFile,
  EngineTask,
} from './engine-types';

export function toNode(n: EngineNode, selfId: string | undefined): SwarmNode {
  const d = n.Description ?? {};
  const node: SwarmNode = {
    id: n.ID,
    hostname: d.Hostname ?? n.Spec.Name ?? n.ID.slice(0, 12),
    role: n.Spec.Role,
    availability: n.Spec.Availability,
    state: n.Status.State,
    addr: n.Status.Addr ?? '',
    leader: n.ManagerStatus?.Leader === true,
    engineVersion: d.Engine?.EngineVersion ?? '',
    os: d.Platform?.OS ?? '',
    arch: d.Platform?.Architecture ?? '',
    cpus: (d.Resources?.NanoCPUs ?? 0) / 1e9,
    memoryBytes: d.Resources?.MemoryBytes ?? 0,
    labels: n.Spec.Labels ?? {},
    engineLabels: d.Engine?.Labels ?? {},
    self: n.ID === selfId,
    version: n.Version.Index,
    createdAt: n.CreatedAt,
    updatedAt: n.UpdatedAt,
  };
  if (n.Status.Message) node.message = n.Status.Message;
  if (n.ManagerStatus?.Reachability) node.reachability = n.ManagerStatus.Reachability;
  if (n.ManagerStatus?.Addr) node.managerAddr = n.ManagerStatus.Addr;
  return node;
}

export function modeOf(spec: EngineServiceSpec): ServiceMode {
  const m = spec.Mode ?? {};
  if (m.Global) return 'global';
  if (m.ReplicatedJob) return 'replicated-job';
  if (m.GlobalJob) return 'global-job';
  return 'replicated';
}

/** "repo:tag@sha256:..." → "repo:tag": the digest the manager pinned is noise in a list. */
export function displayImage(image: string | undefined): string {
  if (!image) return '';
  const at = image.indexOf('@');
  return at > 0 ? image.slice(0, at) : image;
}

function toPort(p: EnginePort): ServicePort {
  const port: ServicePort = {
    target: p.TargetPort ?? 0,
    protocol: p.Protocol ?? 'tcp',
    mode: p.PublishMode ?? 'ingress',
  };
  if (p.PublishedPort) port.published = p.PublishedPort;
  return port;
}

/** Running and desired counts come from the tasks, as `docker service ls` computes them. */
export function taskCounts(tasks: EngineTask[]): Map<string, { running: number; desiredRunning: number }> {
  const counts = new Map<string, { running: number; desiredRunning: number }>();
  for (const t of tasks) {
    if (t.DesiredState !== 'running') continue;
    const c = counts.get(t.ServiceID) ?? { running: 0, desiredRunning: 0 };
    c.desiredRunning += 1;
    if (t.Status.State === 'running') c.running += 1;
    counts.set(t.ServiceID, c);
  }
  return counts;
}

export function toService(
  s: EngineService,
  counts: { running: number; desiredRunning: number } | undefined,
): SwarmService {
  const mode = modeOf(s.Spec);
  const labels = s.Spec.Labels ?? {};
  const ports = s.Endpoint?.Ports ?? s.Spec.EndpointSpec?.Ports ?? [];
  const svc: SwarmService = {
    id: s.ID,
    name: s.Spec.Name,
    mode,
    running: counts?.running ?? 0,
    desired: mode === 'replicated' ? (s.Spec.Mode?.Replicated?.Replicas ?? 1) : (counts?.desiredRunning ?? 0),
    image: displayImage(s.Spec.TaskTemplate.ContainerSpec?.Image),
    ports: ports.map(toPort),
    labels,
    canRollback: s.PreviousSpec !== undefined,
    version: s.Version.Index,
    createdAt: s.CreatedAt,
    updatedAt: s.UpdatedAt,
  };
  const stack = labels[STACK_NAMESPACE_LABEL];
  if (stack) svc.stack = stack;
  const u = s.UpdateStatus;
  if (u?.State) {
    svc.updateStatus = { state: u.State };
    if (u.Message) svc.updateStatus.message = u.Message;
    if (u.StartedAt) svc.updateStatus.startedAt = u.StartedAt;
    if (u.CompletedAt) svc.updateStatus.completedAt = u.CompletedAt;
  }
  return svc;
}

export function toTask(t: EngineTask, serviceName: string, nodeHostname: string | undefined): SwarmTask {
  const task: SwarmTask = {
    id: t.ID,
    serviceId: t.ServiceID,
    serviceName,
    state: t.Status.State,
    desiredState: t.DesiredState,
    message: t.Status.Message ?? '',
    image: displayImage(t.Spec.ContainerSpec?.Image),
    createdAt: t.CreatedAt,
    updatedAt: t.UpdatedAt,
    stateSince: t.Status.Timestamp,
  };
  if (t.Slot) task.slot = t.Slot;
  if (t.NodeID) task.nodeId = t.NodeID;
  if (nodeHostname) task.nodeHostname = nodeHostname;
  if (t.Status.Err) task.error = t.Status.Err;
  const cs = t.Status.ContainerStatus;
  if (cs?.ContainerID) task.containerId = cs.ContainerID;
  if (cs?.ExitCode !== undefined && t.Status.State !== 'running') task.exitCode = cs.ExitCode;
  return task;
}

/** Usage by name, from the services' specs: which services mount which secret or config. */
export function usage(services: EngineService[], kind: 'secret' | 'config'): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const s of services) {
    const cs = s.Spec.TaskTemplate.ContainerSpec;
    const refs = (kind === 'secret' ? cs?.Secrets : cs?.Configs) ?? [];
    for (const r of refs) {
      const id = kind === 'secret' ? r.SecretID : r.ConfigID;
      if (!id) continue;
      const list = used.get(id) ?? [];
      if (!list.includes(s.Spec.Name)) list.push(s.Spec.Name);
      used.set(id, list);
    }
  }
  return used;
}

/** Only name, labels and dates: a secret's value (and a config's data) is never copied out. */
export function toSwarmFile(f: EngineSwarmFile, usedBy: string[]): SwarmFile {
  const labels = f.Spec.Labels ?? {};
  const file: SwarmFile = {
    id: f.ID,
    name: f.Spec.Name,
    labels,
    createdAt: f.CreatedAt,
    updatedAt: f.UpdatedAt,
    usedBy: [...usedBy].sort(),
  };
  const stack = labels[STACK_NAMESPACE_LABEL];
  if (stack) file.stack = stack;
  return file;
}
