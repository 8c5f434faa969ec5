import { readFileSync } from 'node:fs';
import type Docker from 'dockerode';
import { AppError, type StackPlan, type StackProject } from '@shared/contract';
import type { TaskControl } from '../tasks/task-registry';
import { L } from './labels';
import { computeSwarmPlan, swarmSpec, type SwarmObserved, type SwarmStackSpec } from './swarm-spec';

interface Named {
  ID: string;
  Spec: { Name: string; Labels?: Record<string, string>; Mode?: { Replicated?: { Replicas?: number } } };
  Version?: { Index: number };
}

/** The stack's services (by namespace label) and the swarm's networks, secrets and configs. */
export async function observeSwarm(
  docker: Docker,
  stack: string,
  signal: AbortSignal,
): Promise<SwarmObserved & { ids: Map<string, Named> }> {
  const ns = JSON.stringify({ label: [`${L.stackNamespace}=${stack}`] });
  const [services, networks, secrets, configs] = await Promise.all([
    docker.listServices({ filters: ns, abortSignal: signal } as never) as unknown as Promise<Named[]>,
    docker.listNetworks({ abortSignal: signal } as object) as Promise<Docker.NetworkInspectInfo[]>,
    docker.listSecrets({ abortSignal: signal } as never) as unknown as Promise<Named[]>,
    docker.listConfigs({ abortSignal: signal } as never) as unknown as Promise<Named[]>,
  ]);
  return {
    services: new Map(
      services.map((s) => [
        s.Spec.Name,
        { labels: s.Spec.Labels ?? {}, replicas: s.Spec.Mode?.Replicated?.Replicas ?? null },
      ]),
    ),
    ids: new Map(services.map((s) => [s.Spec.Name, s])),
    networks: new Set(networks.map((n) => n.Name)),
    secrets: new Set(secrets.map((s) => s.Spec.Name)),
    configs: new Set(configs.map((s) => s.Spec.Name)),
  };
}

export async function planSwarm(
  docker: Docker,
  project: StackProject,
  signal: AbortSignal,
): Promise<StackPlan> {
  const spec = swarmSpec(project);
  return computeSwarmPlan(project, spec, await observeSwarm(docker, project.name, signal));
}

function data(o: SwarmStackSpec['secrets'][number], kind: string): string {
  if (o.content !== undefined) return Buffer.from(o.content).toString('base64');
  try {
    return readFileSync(o.file ?? '').toString('base64');
  } catch {
    throw new AppError({
      code: 'NOT_FOUND',
      message: `${kind}s.${o.key}: the file ${o.file ?? '(none)'} cannot be read.`,
    });
  }
}

/** `docker stack deploy`: networks, secrets and configs first, then each service created or updated in place. */
export async function deploySwarm(
  docker: Docker,
  project: StackProject,
  ctl: TaskControl,
): Promise<{ summary: string }> {
  const signal = ctl.signal;
  const spec = swarmSpec(project);
  const observed = await observeSwarm(docker, project.name, signal);
  const plan = computeSwarmPlan(project, spec, observed);
  if (plan.blockers.length) throw new AppError({ code: 'CONFLICT', message: plan.blockers[0]!.message });
  const ns = { [L.stackNamespace]: project.name };
  for (const r of plan.resources.filter((x) => x.action === 'create')) {
    ctl.output(`${r.kind} ${r.name}: creating`);
    if (r.kind === 'network')
      await docker.createNetwork({
        ...spec.networks.find((n) => n.name === r.name)!.body,
        abortSignal: signal,
      } as never);
    if (r.kind === 'secret' || r.kind === 'config') {
      const file = (r.kind === 'secret' ? spec.secrets : spec.configs).find((s) => s.name === r.name)!;
      const body = { Name: r.name, Labels: ns, Data: data(file, r.kind) } as never;
      await (r.kind === 'secret' ? docker.createSecret(body) : docker.createConfig(body));
    }
  }
  // The engine wants secret and config references by id as well as by name.
  const [secretList, configList] = await Promise.all([
    docker.listSecrets({ abortSignal: signal } as never) as unknown as Promise<Named[]>,
    docker.listConfigs({ abortSignal: signal } as never) as unknown as Promise<Named[]>,
  ]);
  const secretIds = new Map(secretList.map((x) => [x.Spec.Name, x.ID]));
  const configIds = new Map(configList.map((x) => [x.Spec.Name, x.ID]));
  for (const s of spec.services) {
    const container = (s.body.TaskTemplate as { ContainerSpec: Record<string, unknown> }).ContainerSpec;
    container.Secrets = ((container.Secrets ?? []) as Array<Record<string, unknown>>).map((r) => ({
      ...r,
      SecretID: secretIds.get(String(r.SecretName)) ?? '',
    }));
    container.Configs = ((container.Configs ?? []) as Array<Record<string, unknown>>).map((r) => ({
      ...r,
      ConfigID: configIds.get(String(r.ConfigName)) ?? '',
    }));
  }
  const changed: string[] = [];
  for (const sp of plan.services) {
    signal.throwIfAborted();
    const s = spec.services.find((x) => x.service === sp.service)!;
    try {
      if (sp.action === 'create') {
        ctl.output(`${sp.service}: creating service ${s.name}`);
        await docker.createService(s.body as never);
      } else if (sp.action !== 'unchanged') {
        const current = observed.ids.get(s.name)!;
        ctl.output(`${sp.service}: updating service ${s.name}`);
        await docker.getService(current.ID).update({ ...s.body, version: current.Version?.Index } as never);
      } else continue;
      changed.push(sp.service);
    } catch (e) {
      const err = e as { json?: { message?: string }; message?: string };
      throw new AppError({
        code: 'ENGINE_ERROR',
        message: `services.${sp.service}: ${err.json?.message ?? err.message ?? String(e)}`,
        detail: changed.length
          ? `Changed before the failure: ${changed.join(', ')}.`
          : 'No service was changed.',
      });
    }
  }
  return { summary: changed.length ? `Deployed ${changed.join(', ')}` : 'Nothing to change' };
}
