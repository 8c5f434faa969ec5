import type {
  StackChangeReason,
  StackPlan,
  StackProject,
  StackPullPolicy,
  StackResourcePlan,
  StackService,
  StackServicePlan,
} from '@shared/contract';
import { changedFields, configHash, containerName, L } from './labels';
import type { ObservedContainer, ObservedState } from './observed-state';

export interface PlanOptions {
  pull: StackPullPolicy;
  removeOrphans: boolean;
  /** Only these services (with their dependencies); all when absent. */
  services?: string[];
}

/** Compose keys in words, for the plan's reasons. */
const FIELD_WORDS: Record<string, string> = {
  image: 'image',
  environment: 'env',
  ports: 'ports',
  volumes: 'mounts',
  tmpfs: 'mounts',
  command: 'command',
  entrypoint: 'entrypoint',
  networks: 'networks',
  labels: 'labels',
  healthcheck: 'healthcheck',
  deploy: 'resources',
};

function withDependencies(project: StackProject, wanted: string[] | undefined): Set<string> {
  if (!wanted) return new Set(project.services.map((s) => s.name));
  const byName = new Map(project.services.map((s) => [s.name, s]));
  const out = new Set<string>();
  const add = (n: string) => {
    if (out.has(n)) return;
    out.add(n);
    for (const d of byName.get(n)?.dependsOn ?? []) add(d.service);
  };
  wanted.forEach(add);
  return out;
}

function reasonsFor(
  service: StackService,
  c: ObservedContainer,
  imageId: string | undefined,
): StackChangeReason[] {
  const reasons: StackChangeReason[] = [];
  if (imageId && c.imageId && imageId !== c.imageId) {
    reasons.push({
      field: 'image',
      detail: `image digest changed: ${c.imageId.slice(7, 19)} → ${imageId.slice(7, 19)}`,
    });
  }
  if (c.labels[L.hash] === configHash(service)) return reasons;
  const fields = changedFields(c.labels[L.fields], service);
  if (fields === null) {
    reasons.push({ field: 'config', detail: 'made by another tool with a different configuration hash' });
  } else if (fields.length) {
    for (const f of fields) reasons.push({ field: FIELD_WORDS[f] ?? f, detail: `${f} changed` });
  } else {
    reasons.push({ field: 'config', detail: 'configuration hash changed' });
  }
  return reasons;
}

/**
 * What `up` would do, as a pure function of the file and the host's state, so it can be shown
 * before anything is touched and tested with fixtures.
 */
export function computePlan(project: StackProject, observed: ObservedState, opts: PlanOptions): StackPlan {
  const selected = withDependencies(project, opts.services);
  const services: StackServicePlan[] = [];
  const blockers: StackPlan['blockers'] = [];
  const live = observed.containers.filter((c) => !c.oneoff);

  for (const service of project.services) {
    if (!selected.has(service.name)) continue;
    const current = live.filter((c) => c.service === service.name).sort((a, b) => a.number - b.number);
    const imageId = observed.images.get(service.image);
    const plan: StackServicePlan = {
      service: service.name,
      action: 'unchanged',
      reasons: [],
      current: current.length,
      desired: service.replicas,
      containers: [],
    };
    if (service.build && (service.pullPolicy === 'build' || !imageId)) plan.build = true;
    else if (
      opts.pull === 'always' ||
      service.pullPolicy === 'always' ||
      (opts.pull !== 'never' && !imageId)
    ) {
      plan.pull = service.image;
    } else if (!imageId) {
      blockers.push({
        service: service.name,
        field: 'image',
        message: `services.${service.name}.image: ${service.image} is not on the host and pulling is off.`,
      });
    }
    const keep = current.slice(0, service.replicas);
    const extra = current.slice(service.replicas);
    const reasons = new Map<string, StackChangeReason>();
    const stale = keep.filter((c) => {
      const r = reasonsFor(service, c, imageId);
      for (const x of r) reasons.set(x.detail, x);
      return r.length > 0;
    });
    plan.reasons = [...reasons.values()];
    if (current.length === 0 && service.replicas > 0) {
      plan.action = 'create';
      plan.containers = Array.from({ length: service.replicas }, (_, i) =>
        containerName(project.name, service, i + 1),
      );
    } else if (stale.length) {
      plan.action = 'recreate';
      plan.containers = stale.map((c) => c.name);
    } else if (current.length !== service.replicas) {
      plan.action = 'scale';
      plan.reasons.push({ field: 'replicas', detail: `${current.length} → ${service.replicas}` });
      plan.containers = extra.length ? extra.map((c) => c.name) : [];
    } else if (keep.some((c) => c.state !== 'running')) {
      plan.action = 'start';
      plan.containers = keep.filter((c) => c.state !== 'running').map((c) => c.name);
    }
    // A port another container holds makes the create fail; say so before anything is touched.
    if (plan.action !== 'unchanged') {
      for (const p of service.ports) {
        if (p.published === undefined) continue;
        for (const ip of p.hostIp ? [p.hostIp, '0.0.0.0'] : ['0.0.0.0', '127.0.0.1', '::']) {
          const holder = observed.portsInUse.get(`${ip}:${p.published}/${p.protocol}`);
          if (holder) {
            blockers.push({
              service: service.name,
              field: 'ports',
              message: `services.${service.name}.ports: host port ${p.published}/${p.protocol} is already taken by container ${holder}.`,
            });
            break;
          }
        }
      }
    }
    services.push(plan);
  }

  const known = new Set([...project.services.map((s) => s.name), ...project.disabledServices]);
  const orphanMap = new Map<string, string[]>();
  for (const c of live) {
    if (known.has(c.service)) continue;
    orphanMap.set(c.service, [...(orphanMap.get(c.service) ?? []), c.name]);
  }
  const orphans = [...orphanMap].map(([service, containers]) => ({ service, containers }));

  const resources: StackResourcePlan[] = [];
  const used = new Set(
    project.services.filter((s) => selected.has(s.name)).flatMap((s) => s.networks.map((n) => n.key)),
  );
  for (const n of project.networks) {
    if (!used.has(n.key)) continue;
    const exists = observed.networks.has(n.name);
    const action = n.external ? (exists ? 'external' : 'missing-external') : exists ? 'exists' : 'create';
    resources.push({ kind: 'network', name: n.name, action });
    if (action === 'missing-external') {
      const users = project.services
        .filter((s) => s.networks.some((x) => x.key === n.key))
        .map((s) => s.name);
      blockers.push({
        service: users[0],
        field: 'networks',
        message: `networks.${n.key}: external network "${n.name}" does not exist on the host (used by ${users.join(', ')}).`,
      });
    }
  }
  for (const v of project.volumes) {
    const exists = observed.volumes.has(v.name);
    const action = v.external ? (exists ? 'external' : 'missing-external') : exists ? 'exists' : 'create';
    resources.push({ kind: 'volume', name: v.name, action });
    if (action === 'missing-external')
      blockers.push({
        field: 'volumes',
        message: `volumes.${v.key}: external volume "${v.name}" does not exist on the host.`,
      });
  }
  const noop =
    services.every((s) => s.action === 'unchanged' && !s.pull && !s.build) &&
    (!opts.removeOrphans || orphans.length === 0) &&
    resources.every((r) => r.action !== 'create');
  return { project: project.name, target: 'compose', services, orphans, resources, blockers, noop };
}
