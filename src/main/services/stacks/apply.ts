import type Docker from 'dockerode';
import { AppError, type StackPlan, type StackProject, type StackService } from '@shared/contract';
import type { TaskControl } from '../tasks/task-registry';
import { createBody, type PlannedContainer } from './create-body';
import { checkStackCreateBodies, checkStackDeletions, type CreateCheckHost } from './create-check';
import { dependencyWaves } from './dependency-order';
import { networkLabels, volumeLabels } from './labels';
import type { ObservedState } from './observed-state';
import { injectFiles } from './inject-files';
import { waitForCondition } from './wait-condition';

export interface ApplyDeps {
  docker: Docker;
  host: CreateCheckHost;
  pull(reference: string, ctl: TaskControl): Promise<void>;
  build(service: StackService, ctl: TaskControl): Promise<void>;
}

export interface ApplyOutcome {
  changed: string[];
  summary: string;
}

function engineMessage(e: unknown): string {
  const err = e as { json?: { message?: string }; message?: string };
  return err.json?.message ?? err.message ?? String(e);
}

/**
 * Carries out a plan: networks and volumes, pulls and builds, then containers wave by wave in
 * dependency order, waiting for service_healthy / service_completed_successfully. A failure names
 * the service and what had been changed; a re-run converges from wherever it stopped.
 */
export async function applyPlan(
  project: StackProject,
  plan: StackPlan,
  observed: ObservedState,
  deps: ApplyDeps,
  ctl: TaskControl,
  opts: { removeOrphans: boolean },
): Promise<ApplyOutcome> {
  const { docker } = deps;
  const changed: string[] = [];
  const signal = ctl.signal;
  const fail = (service: string | undefined, field: string, e: unknown): never => {
    const done = changed.length
      ? `Changed before the failure: ${changed.join(', ')}.`
      : 'Nothing was changed.';
    throw new AppError({
      code: e instanceof AppError && e.code === 'CANCELLED' ? 'CANCELLED' : 'ENGINE_ERROR',
      message: `${service ? `services.${service}.${field}` : field}: ${e instanceof AppError ? e.message : engineMessage(e)}`,
      detail: done,
    });
  };
  if (plan.blockers.length) {
    const b = plan.blockers[0]!;
    throw new AppError({
      code: 'CONFLICT',
      message: b.message,
      detail:
        plan.blockers
          .slice(1)
          .map((x) => x.message)
          .join('\n') || undefined,
    });
  }

  const byName = new Map(project.services.map((s) => [s.name, s]));
  const todo = plan.services.filter((s) => s.action !== 'unchanged' || s.pull || s.build);
  const planned = new Map<string, PlannedContainer[]>();
  for (const sp of plan.services) {
    const svc = byName.get(sp.service)!;
    planned.set(
      sp.service,
      Array.from({ length: svc.replicas }, (_, i) => createBody(project, svc, i + 1)),
    );
  }
  // Checked before anything is created: a refused body stops the whole apply untouched.
  checkStackDeletions(plan, deps.host, opts.removeOrphans);
  checkStackCreateBodies(
    todo.flatMap((s) => planned.get(s.service) ?? []),
    deps.host,
  );

  for (const r of plan.resources) {
    if (r.action !== 'create') continue;
    signal.throwIfAborted();
    try {
      if (r.kind === 'network') {
        const n = project.networks.find((x) => x.name === r.name)!;
        ctl.output(`Network ${n.name}: creating`);
        await docker.createNetwork({
          Name: n.name,
          Driver: n.driver ?? 'bridge',
          Options: n.driverOpts,
          Labels: networkLabels(project.name, n.key, n.labels),
          Attachable: n.attachable,
          Internal: n.internal,
          EnableIPv6: n.enableIpv6,
          CheckDuplicate: true,
          ...(n.ipam
            ? {
                IPAM: {
                  Driver: n.ipam.driver ?? 'default',
                  Config: n.ipam.config.map((c) => ({
                    ...(c.subnet ? { Subnet: c.subnet } : {}),
                    ...(c.gateway ? { Gateway: c.gateway } : {}),
                    ...(c.ipRange ? { IPRange: c.ipRange } : {}),
                  })),
                },
              }
            : {}),
          abortSignal: signal,
        } as Docker.NetworkCreateOptions);
      } else if (r.kind === 'volume') {
        const v = project.volumes.find((x) => x.name === r.name)!;
        ctl.output(`Volume ${v.name}: creating`);
        await docker.createVolume({
          Name: v.name,
          Driver: v.driver ?? 'local',
          DriverOpts: v.driverOpts,
          Labels: volumeLabels(project.name, v.key, v.labels),
          abortSignal: signal,
        } as never);
      }
    } catch (e) {
      fail(undefined, `${r.kind}s.${r.name}`, e);
    }
  }

  for (const sp of todo) {
    signal.throwIfAborted();
    const svc = byName.get(sp.service)!;
    try {
      if (sp.build) {
        ctl.update({ phase: `Building ${svc.name}` });
        await deps.build(svc, ctl);
      } else if (sp.pull) {
        ctl.update({ phase: `Pulling ${sp.pull}` });
        ctl.output(`${svc.name}: pulling ${sp.pull}`);
        await deps.pull(sp.pull, ctl);
      }
    } catch (e) {
      fail(svc.name, sp.build ? 'build' : 'image', e);
    }
  }

  const actions = new Map(plan.services.map((s) => [s.service, s]));
  const waves = dependencyWaves(project.services.filter((s) => actions.has(s.name)));
  let step = 0;
  const total = plan.services.length || 1;
  for (const wave of waves) {
    await Promise.all(
      wave.map(async (svc) => {
        const sp = actions.get(svc.name)!;
        for (const dep of svc.dependsOn) {
          if (!actions.has(dep.service)) continue;
          ctl.update({ phase: `${svc.name}: waiting for ${dep.service} (${dep.condition})` });
          try {
            await waitForCondition(docker, project.name, dep.service, dep.condition, signal);
          } catch (e) {
            fail(svc.name, `depends_on.${dep.service}`, e);
          }
        }
        try {
          await converge(docker, project, svc, sp, planned.get(svc.name) ?? [], observed, ctl, () =>
            changed.push(svc.name),
          );
        } catch (e) {
          fail(svc.name, 'container', e);
        }
        step++;
        ctl.update({ progress: { fraction: step / total } });
      }),
    );
  }

  if (opts.removeOrphans) {
    for (const o of plan.orphans) {
      for (const name of o.containers) {
        ctl.output(`${o.service}: removing orphan ${name}`);
        await docker.getContainer(name).remove({ force: true, abortSignal: signal } as object);
      }
      changed.push(o.service);
    }
  }
  const summary = changed.length ? `Changed ${[...new Set(changed)].join(', ')}` : 'Nothing to change';
  return { changed: [...new Set(changed)], summary };
}

async function converge(
  docker: Docker,
  project: StackProject,
  svc: StackService,
  sp: StackPlan['services'][number],
  wanted: PlannedContainer[],
  observed: ObservedState,
  ctl: TaskControl,
  markChanged: () => void,
): Promise<void> {
  const signal = ctl.signal;
  const existing = observed.containers.filter((c) => c.service === svc.name && !c.oneoff);
  const say = (text: string) => {
    ctl.output(`${svc.name}: ${text}`);
    ctl.update({ phase: `${svc.name}: ${text}` });
  };
  const stale = new Set(sp.action === 'recreate' ? sp.containers : []);
  // Replicas beyond the wanted count go first (scale down).
  for (const c of existing.filter((x) => x.number > svc.replicas)) {
    say(`removing ${c.name}`);
    markChanged();
    await docker.getContainer(c.id).remove({ force: true, abortSignal: signal } as object);
  }
  for (const p of wanted) {
    signal.throwIfAborted();
    const current = existing.find((c) => c.number === p.number || c.name === p.name);
    if (current && !stale.has(current.name)) {
      if (current.state !== 'running') {
        say(`starting ${current.name}`);
        markChanged();
        await docker.getContainer(current.id).start({ abortSignal: signal } as object);
      }
      continue;
    }
    if (current) say(`recreating ${current.name}`);
    else say(`creating ${p.name}`);
    // As docker compose does: the old container steps aside under "<shortid>_<name>" while the new
    // one is made, and goes only once that worked; a failed create gives its name back, running.
    const aside = current ? `${current.id.slice(0, 12)}_${p.name}` : undefined;
    if (current && aside) {
      await docker.getContainer(current.id).rename({ name: aside, abortSignal: signal } as object);
    }
    let created: Docker.Container | undefined;
    try {
      created = await docker.createContainer({
        ...p.body,
        name: p.name,
        abortSignal: signal,
      } as unknown as Docker.ContainerCreateOptions);
      await injectFiles(docker, created.id, project, svc, signal);
      for (const n of p.extraNetworks) {
        await docker
          .getNetwork(n.name)
          .connect({ Container: created.id, EndpointConfig: n.config, abortSignal: signal } as object);
      }
    } catch (e) {
      if (!current) throw e;
      await restore(docker, current, created, say);
      throw new AppError({
        code: e instanceof AppError && e.code === 'CANCELLED' ? 'CANCELLED' : 'ENGINE_ERROR',
        message: `${e instanceof AppError ? e.message : engineMessage(e)} (${current.name} kept running, unchanged)`,
      });
    }
    markChanged();
    if (current) {
      await docker
        .getContainer(current.id)
        .stop({ t: svc.stopGracePeriod ?? 10, abortSignal: signal } as object)
        .catch(() => undefined);
      await docker.getContainer(current.id).remove({ force: true, abortSignal: signal } as object);
    }
    await created.start({ abortSignal: signal } as object);
    say(`started ${p.name}`);
  }
}

/**
 * Undoes a recreate whose new container could not be made: the half-made one goes, the old one
 * gets its name back (it kept running throughout). Not cancellable: it must finish.
 */
async function restore(
  docker: Docker,
  old: ObservedState['containers'][number],
  created: Docker.Container | undefined,
  say: (text: string) => void,
): Promise<void> {
  if (created) await created.remove({ force: true }).catch(() => undefined);
  await docker.getContainer(old.id).rename({ name: old.name });
  say(`kept ${old.name} (${old.id.slice(0, 12)}) running: its replacement could not be created`);
}
