import type { ServiceSpec } from '@shared/contract';
import type { EngineServiceSpec } from './engine-types';

const NS_PER_S = 1e9;

/** The engine's update/rollback config from the form's policy (durations in nanoseconds). */
function policy(p: ServiceSpec['update']) {
  return {
    Parallelism: p.parallelism,
    Delay: Math.round(p.delaySeconds * NS_PER_S),
    FailureAction: p.failureAction,
    Monitor: Math.round(p.monitorSeconds * NS_PER_S),
    MaxFailureRatio: 0,
    Order: p.order,
  };
}

/** "node.role == manager" → "node.role==manager", the form the engine stores. */
function constraint(c: string): string {
  const m = /^([^\s=!]+)\s*(==|!=)\s*(.+)$/.exec(c.trim());
  return m ? `${m[1]}${m[2]}${(m[3] ?? '').trim()}` : c.trim();
}

export interface ResolvedRefs {
  /** Secret/config name → id, looked up on the manager before creating. */
  secretIds: Map<string, string>;
  configIds: Map<string, string>;
}

/** Turns the validated create form into an Engine ServiceSpec (API 1.41). */
export function buildServiceSpec(spec: ServiceSpec, refs: ResolvedRefs): EngineServiceSpec {
  const r = spec.resources;
  const limits: Record<string, number> = {};
  const reservations: Record<string, number> = {};
  if (r.cpuLimit !== undefined) limits.NanoCPUs = Math.round(r.cpuLimit * NS_PER_S);
  if (r.memoryLimitBytes !== undefined) limits.MemoryBytes = r.memoryLimitBytes;
  if (r.cpuReservation !== undefined) reservations.NanoCPUs = Math.round(r.cpuReservation * NS_PER_S);
  if (r.memoryReservationBytes !== undefined) reservations.MemoryBytes = r.memoryReservationBytes;

  const containerSpec: NonNullable<EngineServiceSpec['TaskTemplate']['ContainerSpec']> = {
    Image: spec.image,
    Env: spec.env,
    Mounts: spec.mounts.map((m) => ({
      Type: m.type,
      ...(m.source ? { Source: m.source } : {}),
      Target: m.target,
      ReadOnly: m.readOnly,
    })),
    Secrets: spec.secrets.map((s) => ({
      SecretID: refs.secretIds.get(s.name) ?? '',
      SecretName: s.name,
      File: { Name: s.target ?? s.name, UID: '0', GID: '0', Mode: 0o444 },
    })),
    Configs: spec.configs.map((c) => ({
      ConfigID: refs.configIds.get(c.name) ?? '',
      ConfigName: c.name,
      File: { Name: c.target ?? `/${c.name}`, UID: '0', GID: '0', Mode: 0o444 },
    })),
  };
  if (spec.command.length) containerSpec.Args = spec.command;
  if (spec.stopGraceSeconds !== undefined) {
    containerSpec.StopGracePeriod = Math.round(spec.stopGraceSeconds * NS_PER_S);
  }

  return {
    Name: spec.name,
    Labels: spec.labels,
    TaskTemplate: {
      ContainerSpec: containerSpec,
      Resources: { Limits: limits, Reservations: reservations },
      RestartPolicy: {
        Condition: spec.restart.condition,
        Delay: Math.round(spec.restart.delaySeconds * NS_PER_S),
        MaxAttempts: spec.restart.maxAttempts,
        Window: Math.round(spec.restart.windowSeconds * NS_PER_S),
      },
      Placement: {
        Constraints: spec.constraints.map(constraint),
        Preferences: spec.preferences.map((p) => ({ Spread: { SpreadDescriptor: p } })),
      },
      Networks: spec.networks.map((n) => ({ Target: n })),
    },
    Mode: spec.mode === 'global' ? { Global: {} } : { Replicated: { Replicas: spec.replicas } },
    UpdateConfig: policy(spec.update),
    RollbackConfig: policy(spec.rollback),
    EndpointSpec: {
      Mode: 'vip',
      Ports: spec.ports.map((p) => ({
        Protocol: p.protocol,
        TargetPort: p.target,
        ...(p.published !== undefined ? { PublishedPort: p.published } : {}),
        PublishMode: p.mode,
      })),
    },
  };
}
