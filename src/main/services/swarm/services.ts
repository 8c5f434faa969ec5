import type Docker from 'dockerode';
import {
  AppError,
  type CallParsed,
  type Contract,
  type ServiceDetails,
  type ServiceSpec,
  type SwarmService,
  type SwarmTask,
} from '@shared/contract';
import { buildServiceSpec } from './build-spec';
import { filters, request, type Signal } from './engine';
import type { EngineNode, EngineService, EngineSwarmFile, EngineTask } from './engine-types';
import { modeOf, taskCounts, toService, toTask } from './mapping';

type UpdateInput = CallParsed<Contract['swarm']['serviceUpdate']>;
type TasksInput = CallParsed<Contract['swarm']['tasks']>;

/** The engine returns warnings on create/update (e.g. an image it could not pin to a digest). */
interface Warnings {
  Warnings?: string[] | null;
}

/** Services and their tasks, on a manager. */
/**
 * `check` sees every spec before it is sent (create, update, rollback) and throws to refuse it: the
 * restricted policy's body inspection.
 */
export function serviceService(docker: Docker, check: (spec: unknown) => void = () => undefined) {
  const get = <T>(path: string, signal: AbortSignal, query?: Record<string, string | undefined>) =>
    request<T>(docker, { path, method: 'GET', ...(query ? { query } : {}), signal });
  const inspectRaw = (id: string, signal: AbortSignal) => get<EngineService>(`/services/${id}`, signal);

  const sendUpdate = async (
    svc: EngineService,
    spec: EngineService['Spec'],
    signal: AbortSignal,
    rollback = false,
  ): Promise<{ warnings: string[] }> => {
    // A rollback sends the current spec but the engine applies PreviousSpec: judge that one.
    check(rollback ? (svc.PreviousSpec ?? spec) : spec);
    const res = await request<Warnings>(docker, {
      path: `/services/${svc.ID}/update`,
      method: 'POST',
      query: { version: svc.Version.Index, ...(rollback ? { rollback: 'previous' } : {}) },
      json: spec,
      signal,
    });
    return { warnings: res?.Warnings ?? [] };
  };

  const nameOf = (svc: EngineService) => `Service ${svc.Spec.Name}`;

  return {
    async list({ signal }: Signal): Promise<SwarmService[]> {
      const [services, tasks] = await Promise.all([
        get<EngineService[]>('/services', signal),
        get<EngineTask[]>('/tasks', signal, { filters: filters({ 'desired-state': ['running'] }) }),
      ]);
      const counts = taskCounts(tasks);
      return services.map((s) => toService(s, counts.get(s.ID))).sort((a, b) => a.name.localeCompare(b.name));
    },

    async inspect(id: string, { signal }: Signal): Promise<ServiceDetails> {
      const svc = await inspectRaw(id, signal);
      const tasks = await get<EngineTask[]>('/tasks', signal, {
        filters: filters({ service: [svc.ID], 'desired-state': ['running'] }),
      });
      const cs = svc.Spec.TaskTemplate.ContainerSpec ?? {};
      const details: ServiceDetails = {
        service: toService(svc, taskCounts(tasks).get(svc.ID)),
        env: cs.Env ?? [],
        command: [...(cs.Command ?? []), ...(cs.Args ?? [])],
        secrets: (cs.Secrets ?? []).map((s) => s.SecretName ?? s.SecretID ?? ''),
        configs: (cs.Configs ?? []).map((c) => c.ConfigName ?? c.ConfigID ?? ''),
        networks: (svc.Spec.TaskTemplate.Networks ?? svc.Spec.Networks ?? []).map((n) => n.Target),
        inspect: svc as unknown as Record<string, unknown>,
      };
      const replicas = svc.Spec.Mode?.Replicated?.Replicas;
      if (replicas !== undefined) details.replicas = replicas;
      return details;
    },

    async create(spec: ServiceSpec, { signal }: Signal): Promise<{ id: string; warnings: string[] }> {
      const resolve = async (kind: 'secrets' | 'configs', names: string[]) => {
        const ids = new Map<string, string>();
        if (names.length === 0) return ids;
        const all = await get<EngineSwarmFile[]>(`/${kind}`, signal);
        for (const name of names) {
          const f = all.find((x) => x.Spec.Name === name);
          if (!f) {
            throw new AppError({
              code: 'NOT_FOUND',
              message: `There is no ${kind === 'secrets' ? 'secret' : 'config'} named "${name}" in this swarm.`,
            });
          }
          ids.set(name, f.ID);
        }
        return ids;
      };
      const [secretIds, configIds] = await Promise.all([
        resolve(
          'secrets',
          spec.secrets.map((s) => s.name),
        ),
        resolve(
          'configs',
          spec.configs.map((c) => c.name),
        ),
      ]);
      const body = buildServiceSpec(spec, { secretIds, configIds });
      check(body);
      const res = await request<{ ID: string } & Warnings>(docker, {
        path: '/services/create',
        method: 'POST',
        json: body,
        ok: [201],
        signal,
      });
      return { id: res.ID, warnings: res.Warnings ?? [] };
    },

    async scale(id: string, replicas: number, { signal }: Signal): Promise<SwarmService> {
      const svc = await inspectRaw(id, signal);
      if (modeOf(svc.Spec) !== 'replicated') {
        throw new AppError({
          code: 'INVALID_INPUT',
          message: `${nameOf(svc)} is ${modeOf(svc.Spec)}: only replicated services can be scaled.`,
        });
      }
      const spec = { ...svc.Spec, Mode: { Replicated: { Replicas: replicas } } };
      await sendUpdate(svc, spec, signal);
      return toService(await inspectRaw(svc.ID, signal), undefined);
    },

    /** Image, environment and replicas; the engine rolls the change out per its update policy. */
    async update(input: UpdateInput, { signal }: Signal): Promise<{ warnings: string[] }> {
      const svc = await inspectRaw(input.id, signal);
      if (svc.Version.Index !== input.version) {
        throw new AppError({
          code: 'CONFLICT',
          message: `${nameOf(svc)} changed since you loaded it (version ${input.version}, now ${svc.Version.Index}); reload and try again.`,
        });
      }
      const cs = { ...(svc.Spec.TaskTemplate.ContainerSpec ?? {}) };
      if (input.image !== undefined) cs.Image = input.image;
      if (input.env !== undefined) cs.Env = input.env;
      const template = { ...svc.Spec.TaskTemplate, ContainerSpec: cs };
      if (input.force) template.ForceUpdate = (template.ForceUpdate ?? 0) + 1;
      const spec = { ...svc.Spec, TaskTemplate: template };
      if (input.replicas !== undefined) {
        if (modeOf(svc.Spec) !== 'replicated') {
          throw new AppError({
            code: 'INVALID_INPUT',
            message: `${nameOf(svc)} is ${modeOf(svc.Spec)}: it has no replica count.`,
          });
        }
        spec.Mode = { Replicated: { Replicas: input.replicas } };
      }
      return sendUpdate(svc, spec, signal);
    },

    /** Back to the previous spec, as `docker service rollback` does. */
    async rollback(id: string, { signal }: Signal): Promise<{ warnings: string[] }> {
      const svc = await inspectRaw(id, signal);
      if (!svc.PreviousSpec) {
        throw new AppError({
          code: 'CONFLICT',
          message: `${nameOf(svc)} has no previous version to roll back to.`,
        });
      }
      return sendUpdate(svc, svc.Spec, signal, true);
    },

    async remove(id: string, { signal }: Signal): Promise<void> {
      await request(docker, { path: `/services/${id}`, method: 'DELETE', signal });
    },

    async tasks(input: TasksInput, { signal }: Signal): Promise<SwarmTask[]> {
      const [tasks, services, nodes] = await Promise.all([
        get<EngineTask[]>('/tasks', signal, {
          filters: filters({
            service: input.serviceId ? [input.serviceId] : undefined,
            node: input.nodeId ? [input.nodeId] : undefined,
            'desired-state': input.current ? ['running'] : undefined,
          }),
        }),
        get<EngineService[]>('/services', signal),
        get<EngineNode[]>('/nodes', signal),
      ]);
      return mapTasks(tasks, services, nodes);
    },
  };
}

/** Tasks with their service's name and node's hostname; newest first within a slot. */
export function mapTasks(tasks: EngineTask[], services: EngineService[], nodes: EngineNode[]): SwarmTask[] {
  const serviceNames = new Map(services.map((s) => [s.ID, s.Spec.Name]));
  const hostnames = new Map(nodes.map((n) => [n.ID, n.Description?.Hostname ?? n.ID.slice(0, 12)]));
  return tasks
    .map((t) =>
      toTask(t, serviceNames.get(t.ServiceID) ?? t.ServiceID, t.NodeID ? hostnames.get(t.NodeID) : undefined),
    )
    .sort(
      (a, b) =>
        a.serviceName.localeCompare(b.serviceName) ||
        (a.slot ?? 0) - (b.slot ?? 0) ||
        (a.nodeId ?? '').localeCompare(b.nodeId ?? '') ||
        b.createdAt.localeCompare(a.createdAt),
    );
}
