import type { StackPlan, StackProject, StackService } from '@shared/contract';
import { canonicalJson, configHash, L } from './labels';

/** Ours: the hash of the compose service a swarm service was made from, for the plan. */
const SPEC_HASH = 'io.berthmaster.stack.hash';

export interface SwarmStackSpec {
  networks: Array<{ name: string; key: string; external: boolean; body: Record<string, unknown> }>;
  secrets: Array<{ name: string; key: string; external: boolean; file?: string; content?: string }>;
  configs: Array<{ name: string; key: string; external: boolean; file?: string; content?: string }>;
  services: Array<{ name: string; service: string; hash: string; body: Record<string, unknown> }>;
}

/** `docker stack deploy` names: `<stack>_<key>` for everything, labelled com.docker.stack.namespace. */
export function swarmSpec(project: StackProject): SwarmStackSpec {
  const ns = { [L.stackNamespace]: project.name };
  const named = (key: string, explicit: string, external: boolean) =>
    external || explicit !== `${project.name}_${key}` ? explicit : `${project.name}_${key}`;
  const networks = project.networks.map((n) => ({
    key: n.key,
    external: n.external,
    name: named(n.key, n.name, n.external),
    body: {
      Name: named(n.key, n.name, n.external),
      Driver: n.driver ?? 'overlay',
      Options: n.driverOpts,
      Attachable: n.attachable,
      Internal: n.internal,
      Labels: { ...n.labels, ...ns },
      CheckDuplicate: true,
    },
  }));
  const files = (list: StackProject['secrets']) =>
    list.map((o) => ({
      key: o.key,
      name: o.name,
      external: o.external,
      ...(o.file ? { file: o.file } : {}),
      ...(o.content !== undefined ? { content: o.content } : {}),
    }));
  return {
    networks,
    secrets: files(project.secrets),
    configs: files(project.configs),
    services: project.services.map((s) => ({
      name: `${project.name}_${s.name}`,
      service: s.name,
      hash: configHash(s),
      body: serviceBody(project, s, networks),
    })),
  };
}

function serviceBody(
  project: StackProject,
  s: StackService,
  networks: SwarmStackSpec['networks'],
): Record<string, unknown> {
  const ns = { [L.stackNamespace]: project.name };
  const hc = s.healthcheck;
  const container: Record<string, unknown> = {
    Image: s.image,
    Labels: { ...s.labels, ...ns },
    Env: Object.entries(s.environment).map(([k, v]) => `${k}=${v}`),
    Mounts: s.mounts.map((m) => ({
      Type: m.type,
      Source: m.type === 'volume' ? (project.volumes.find((v) => v.key === m.source)?.name ?? '') : m.source,
      Target: m.target,
      ReadOnly: m.readOnly,
    })),
    Secrets: s.secrets.map((r) => ({
      SecretName: project.secrets.find((x) => x.key === r.key)?.name ?? r.key,
      File: {
        Name: r.target.replace(/^\/run\/secrets\//, ''),
        UID: r.uid ?? '0',
        GID: r.gid ?? '0',
        Mode: r.mode ?? 0o444,
      },
    })),
    Configs: s.configs.map((r) => ({
      ConfigName: project.configs.find((x) => x.key === r.key)?.name ?? r.key,
      File: { Name: r.target, UID: r.uid ?? '0', GID: r.gid ?? '0', Mode: r.mode ?? 0o444 },
    })),
    Hosts: s.extraHosts.map((h) => h.split(':').reverse().join(' ')),
    CapabilityAdd: s.capAdd.length ? s.capAdd : undefined,
    CapabilityDrop: s.capDrop.length ? s.capDrop : undefined,
  };
  if (s.command) container.Args = s.command;
  if (s.entrypoint) container.Command = s.entrypoint;
  if (s.user) container.User = s.user;
  if (s.workingDir) container.Dir = s.workingDir;
  if (s.hostname) container.Hostname = s.hostname;
  if (s.stopSignal) container.StopSignal = s.stopSignal;
  if (s.stopGracePeriod !== undefined) container.StopGracePeriod = s.stopGracePeriod * 1e9;
  if (s.init !== undefined) container.Init = s.init;
  if (hc)
    container.Healthcheck = hc.disable
      ? { Test: ['NONE'] }
      : {
          Test: hc.test,
          Interval: hc.interval,
          Timeout: hc.timeout,
          StartPeriod: hc.startPeriod,
          Retries: hc.retries,
        };
  const restart = s.restart.startsWith('on-failure') ? 'on-failure' : s.restart === 'no' ? 'none' : 'any';
  return {
    Name: `${project.name}_${s.name}`,
    Labels: { ...ns, [SPEC_HASH]: configHash(s) },
    TaskTemplate: {
      ContainerSpec: JSON.parse(canonicalJson(container)) as Record<string, unknown>,
      Resources: {
        Limits: {
          ...(s.limits.nanoCpus ? { NanoCPUs: s.limits.nanoCpus } : {}),
          ...(s.limits.memoryBytes ? { MemoryBytes: s.limits.memoryBytes } : {}),
        },
        Reservations: {
          ...(s.reservations.nanoCpus ? { NanoCPUs: s.reservations.nanoCpus } : {}),
          ...(s.reservations.memoryBytes ? { MemoryBytes: s.reservations.memoryBytes } : {}),
        },
      },
      RestartPolicy: { Condition: restart },
      ...(s.logging?.driver ? { LogDriver: { Name: s.logging.driver, Options: s.logging.options } } : {}),
      Networks: s.networks.map((n) => ({
        Target: networks.find((x) => x.key === n.key)?.name ?? n.key,
        Aliases: [s.name, ...n.aliases],
      })),
    },
    Mode: { Replicated: { Replicas: s.replicas } },
    EndpointSpec: {
      Ports: s.ports
        .filter((p) => p.published !== undefined)
        .map((p) => ({
          Protocol: p.protocol,
          TargetPort: p.target,
          PublishedPort: p.published,
          PublishMode: 'ingress',
        })),
    },
  };
}

export interface SwarmObserved {
  /** Service name → its labels and replica count. */
  services: Map<string, { labels: Record<string, string>; replicas: number | null }>;
  networks: Set<string>;
  secrets: Set<string>;
  configs: Set<string>;
}

/** The plan of a stack deploy: per service create / update (config or replicas) / unchanged; resources to create. */
export function computeSwarmPlan(
  project: StackProject,
  spec: SwarmStackSpec,
  observed: SwarmObserved,
): StackPlan {
  const plan: StackPlan = {
    project: project.name,
    target: 'swarm',
    services: [],
    orphans: [],
    resources: [],
    blockers: [],
    noop: true,
  };
  for (const s of spec.services) {
    const svc = project.services.find((x) => x.name === s.service)!;
    const current = observed.services.get(s.name);
    const base = {
      service: s.service,
      current: current?.replicas ?? 0,
      desired: svc.replicas,
      containers: [s.name],
      reasons: [] as StackPlan['services'][number]['reasons'],
    };
    if (!current) plan.services.push({ ...base, action: 'create' });
    else if (current.labels[SPEC_HASH] !== s.hash)
      plan.services.push({
        ...base,
        action: 'recreate',
        reasons: [{ field: 'config', detail: 'service spec changed (rolling update)' }],
      });
    else if (current.replicas !== svc.replicas)
      plan.services.push({
        ...base,
        action: 'scale',
        reasons: [{ field: 'replicas', detail: `${current.replicas} → ${svc.replicas}` }],
      });
    else plan.services.push({ ...base, action: 'unchanged' });
  }
  const known = new Set(spec.services.map((s) => s.name));
  for (const name of observed.services.keys())
    if (!known.has(name)) plan.orphans.push({ service: name, containers: [name] });
  const resource = (
    kind: 'network' | 'secret' | 'config',
    name: string,
    external: boolean,
    exists: boolean,
  ) => {
    const action = external ? (exists ? 'external' : 'missing-external') : exists ? 'exists' : 'create';
    plan.resources.push({ kind, name, action });
    if (action === 'missing-external')
      plan.blockers.push({
        field: `${kind}s`,
        message: `${kind}s: external ${kind} "${name}" does not exist in the swarm.`,
      });
  };
  spec.networks.forEach((n) => resource('network', n.name, n.external, observed.networks.has(n.name)));
  spec.secrets.forEach((n) => resource('secret', n.name, n.external, observed.secrets.has(n.name)));
  spec.configs.forEach((n) => resource('config', n.name, n.external, observed.configs.has(n.name)));
  plan.noop =
    plan.services.every((s) => s.action === 'unchanged') &&
    plan.resources.every((r) => r.action !== 'create');
  return plan;
}
