import type Docker from 'dockerode';
import {
  AppError,
  type StackDetails,
  type StackLoadResult,
  type StackPlanResult,
  type StackProject,
  type StackPullPolicy,
  type StackStoredFiles,
} from '@shared/contract';
import type { TaskControl } from '../tasks/task-registry';
import { applyPlan, type ApplyDeps } from './apply';
import type { CreateCheckHost } from './create-check';
import { discoverProjects } from './discovery';
import { removalWaves } from './dependency-order';
import { L } from './labels';
import { loadFailureMessage, loadProject, type LoadInput } from './load-project';
import { observe } from './observed-state';
import { computePlan } from './plan';
import type { StackStore } from './stack-store';
import { deploySwarm, planSwarm } from './swarm-deploy';
import { requireManager } from '../swarm/manager-guard';

export interface FilesInput {
  composeYaml: string;
  envText: string;
  workingDir?: string | undefined;
  profiles: string[];
}

export interface StackHostDeps {
  hostId: string;
  docker: Docker;
  store: StackStore;
  host: CreateCheckHost;
  homeDir?: string;
  /** The app's process environment: variables the file references resolve from it before `.env`. */
  environment?: LoadInput['environment'];
  pull(reference: string, ctl: TaskControl): Promise<void>;
  build: ApplyDeps['build'];
}

/** Loads a file for a host's project: relative paths resolve against the stored folder unless the user named one. */
export function loadFor(
  store: StackStore,
  hostId: string,
  project: string,
  files: FilesInput,
  environment?: LoadInput['environment'],
): StackLoadResult {
  const workingDir = files.workingDir ?? store.dir(hostId, project);
  return loadProject({
    composeYaml: files.composeYaml,
    envText: files.envText,
    projectName: project,
    workingDir,
    configFile: store.composeFile(hostId, project),
    ...(files.envText ? { environmentFile: store.envFile(hostId, project) } : {}),
    profiles: files.profiles,
    ...(environment ? { environment } : {}),
    ...homeDirOpt(),
  });
}

function homeDirOpt(): { homeDir?: string } {
  return process.env.HOME ? { homeDir: process.env.HOME } : {};
}

function errorsOf(load: StackLoadResult): AppError {
  return new AppError({
    code: 'INVALID_INPUT',
    message: loadFailureMessage(load),
    detail: load.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => `${d.at ? `${d.at.line}:${d.at.col} ` : ''}${d.message}`)
      .join('\n'),
  });
}

/** Stack operations on one host. */
export function stackService(deps: StackHostDeps) {
  const { docker, store, hostId } = deps;

  async function filesFor(project: string, given: Partial<FilesInput>): Promise<FilesInput> {
    if (given.composeYaml !== undefined) {
      return {
        composeYaml: given.composeYaml,
        envText: given.envText ?? '',
        workingDir: given.workingDir,
        profiles: given.profiles ?? [],
      };
    }
    const stored = await store.get(hostId, project);
    if (!stored)
      throw new AppError({
        code: 'NOT_FOUND',
        message: `No compose file is stored for project ${project} on this host; give one, or adopt the project.`,
      });
    return {
      composeYaml: stored.composeYaml,
      envText: given.envText ?? stored.envText,
      workingDir: given.workingDir ?? stored.workingDir,
      profiles: given.profiles ?? stored.profiles,
    };
  }

  async function loaded(
    project: string,
    given: Partial<FilesInput>,
  ): Promise<{ files: FilesInput; load: StackLoadResult; project: StackProject }> {
    const files = await filesFor(project, given);
    const load = loadFor(store, hostId, project, files, deps.environment);
    if (!load.project) throw errorsOf(load);
    return { files, load, project: load.project };
  }

  return {
    /** Refuses an invalid file before a task is started for it (the error names line and field). */
    async check(project: string, given: Partial<FilesInput>): Promise<void> {
      await loaded(project, given);
    },

    async list(signal: AbortSignal) {
      const names = await store.list(hostId);
      const stored = new Map<string, Record<string, number>>();
      for (const name of names) {
        const files = await store.get(hostId, name);
        if (!files) continue;
        const load = loadFor(store, hostId, name, files, deps.environment);
        stored.set(name, Object.fromEntries((load.project?.services ?? []).map((s) => [s.name, s.replicas])));
      }
      return discoverProjects(docker, stored, signal);
    },

    async get(project: string, signal: AbortSignal): Promise<StackDetails> {
      const all = await this.list(signal);
      const summary = all.find((p) => p.name === project);
      if (!summary) throw new AppError({ code: 'NOT_FOUND', message: `No project ${project} on this host.` });
      return { summary, files: await store.get(hostId, project) };
    },

    async plan(
      project: string,
      given: Partial<FilesInput>,
      opts: { pull: StackPullPolicy; removeOrphans: boolean; target?: 'compose' | 'swarm' },
      signal: AbortSignal,
    ): Promise<StackPlanResult> {
      const files = await filesFor(project, given);
      const load = loadFor(store, hostId, project, files, deps.environment);
      if (!load.project) return { load, plan: null };
      if (opts.target === 'swarm') {
        await requireManager(docker, hostId, signal);
        return { load, plan: await planSwarm(docker, load.project, signal) };
      }
      const observed = await observe(
        docker,
        project,
        load.project.services.map((s) => s.image),
        signal,
      );
      return { load, plan: computePlan(load.project, observed, opts) };
    },

    /** The body of the apply task: observe again (the host may have moved since the plan), plan, apply. */
    async up(
      project: string,
      given: Partial<FilesInput>,
      opts: { pull: StackPullPolicy; removeOrphans: boolean; services?: string[] | undefined },
      ctl: TaskControl,
    ) {
      const { files, project: p } = await loaded(project, given);
      if (given.composeYaml !== undefined) await store.save(hostId, project, files);
      ctl.update({ phase: 'Reading the host…' });
      const observed = await observe(
        docker,
        project,
        p.services.map((s) => s.image),
        ctl.signal,
      );
      const plan = computePlan(p, observed, {
        pull: opts.pull,
        removeOrphans: opts.removeOrphans,
        ...(opts.services ? { services: opts.services } : {}),
      });
      for (const s of plan.services) {
        ctl.output(
          `${s.service}: ${s.action}${s.reasons.length ? ` (${s.reasons.map((r) => r.detail).join('; ')})` : ''}`,
        );
      }
      const outcome = await applyPlan(
        p,
        plan,
        observed,
        { docker, host: deps.host, pull: deps.pull, build: deps.build },
        ctl,
        opts,
      );
      return { summary: outcome.summary };
    },

    /** The body of a swarm stack deploy task. */
    async deploySwarm(project: string, given: Partial<FilesInput>, ctl: TaskControl) {
      const { files, project: p } = await loaded(project, given);
      await requireManager(docker, hostId, ctl.signal);
      if (given.composeYaml !== undefined) await store.save(hostId, project, files);
      return deploySwarm(docker, p, ctl);
    },

    async down(project: string, opts: { volumes: boolean }, ctl: TaskControl) {
      const signal = ctl.signal;
      const byLabel = { filters: { label: [`${L.project}=${project}`] }, abortSignal: signal };
      const containers = await docker.listContainers({
        all: true,
        ...byLabel,
      } as Docker.ContainerListOptions);
      // Dependents first, as compose does: each container's depends_on label gives the graph.
      const graph = new Map<string, string[]>();
      for (const c of containers) {
        const service = c.Labels[L.service] ?? '';
        const on = (c.Labels[L.dependsOn] ?? '').split(',').filter(Boolean);
        graph.set(service, [...(graph.get(service) ?? []), ...on.map((d) => d.split(':')[0] ?? '')]);
      }
      for (const wave of removalWaves(graph)) {
        await Promise.all(
          containers
            .filter((c) => wave.includes(c.Labels[L.service] ?? ''))
            .map(async (c) => {
              const name = (c.Names[0] ?? c.Id).replace(/^\//, '');
              const service = c.Labels[L.service] ?? '';
              if (c.State === 'running' || c.State === 'paused' || c.State === 'restarting') {
                // Stopped first with its own stop signal and grace period (its StopSignal and
                // StopTimeout), as compose does: a forced removal would SIGKILL a database mid-write.
                ctl.output(`${service}: stopping ${name}`);
                await docker
                  .getContainer(c.Id)
                  .stop({ abortSignal: signal } as object)
                  .catch(notModified);
              }
              ctl.output(`${service}: removing ${name}`);
              await docker
                .getContainer(c.Id)
                .remove({ force: true, v: false, abortSignal: signal } as object);
            }),
        );
      }
      const networks = (await docker.listNetworks(byLabel as object)) as Docker.NetworkInspectInfo[];
      for (const n of networks) {
        ctl.output(`Network ${n.Name}: removing`);
        await docker.getNetwork(n.Id).remove({ abortSignal: signal } as object);
      }
      if (opts.volumes) {
        const { Volumes } = (await docker.listVolumes(byLabel as object)) as {
          Volumes?: Docker.VolumeInspectInfo[];
        };
        for (const v of Volumes ?? []) {
          ctl.output(`Volume ${v.Name}: removing`);
          await docker.getVolume(v.Name).remove({ abortSignal: signal } as object);
        }
      }
      return { summary: `Removed ${containers.length} containers and ${networks.length} networks` };
    },

    async lifecycle(
      project: string,
      action: 'start' | 'stop' | 'restart',
      services: string[] | undefined,
      signal: AbortSignal,
    ) {
      const list = await docker.listContainers({
        all: true,
        filters: { label: [`${L.project}=${project}`, `${L.oneoff}=False`] },
        abortSignal: signal,
      } as Docker.ContainerListOptions);
      const picked = list.filter((c) => !services || services.includes(c.Labels[L.service] ?? ''));
      if (!picked.length)
        throw new AppError({
          code: 'NOT_FOUND',
          message: `Project ${project} has no containers${services ? ` for ${services.join(', ')}` : ''} on this host.`,
        });
      await Promise.all(
        picked.map(async (c) => {
          const ct = docker.getContainer(c.Id);
          try {
            if (action === 'start') await ct.start({ abortSignal: signal } as object);
            else if (action === 'stop') await ct.stop({ abortSignal: signal } as object);
            else await ct.restart({ abortSignal: signal } as object);
          } catch (e) {
            // 304: already in that state.
            if ((e as { statusCode?: number }).statusCode !== 304) throw e;
          }
        }),
      );
    },

    async pullAll(project: string, services: string[] | undefined, ctl: TaskControl) {
      const { project: p } = await loaded(project, {});
      const images = [
        ...new Set(
          p.services
            .filter((s) => !services || services.includes(s.name))
            .filter((s) => !s.build || s.pullPolicy !== 'build')
            .map((s) => s.image),
        ),
      ];
      for (const image of images) {
        ctl.update({ phase: `Pulling ${image}` });
        await deps.pull(image, ctl);
      }
      return { summary: `Pulled ${images.length} images` };
    },

    async scale(project: string, service: string, replicas: number, ctl: TaskControl) {
      const stored = await filesFor(project, {});
      const { project: p } = await loaded(project, stored);
      const svc = p.services.find((s) => s.name === service);
      if (!svc)
        throw new AppError({
          code: 'NOT_FOUND',
          message: `services.${service}: not a service of ${project}.`,
        });
      if (svc.containerName && replicas > 1)
        throw new AppError({
          code: 'INVALID_INPUT',
          message: `services.${service}.container_name: a fixed container name allows only one replica.`,
        });
      svc.replicas = replicas;
      const observed = await observe(docker, project, [svc.image], ctl.signal);
      const plan = computePlan(p, observed, { pull: 'missing', removeOrphans: false, services: [service] });
      plan.services = plan.services.filter((s) => s.service === service);
      const outcome = await applyPlan(
        p,
        plan,
        observed,
        { docker, host: deps.host, pull: deps.pull, build: deps.build },
        ctl,
        { removeOrphans: false },
      );
      return { summary: outcome.summary };
    },

    save: (project: string, files: FilesInput) => store.save(hostId, project, files),
    stored: (project: string): Promise<StackStoredFiles | null> => store.get(hostId, project),
  };
}

/** 304 from a stop: the container had already stopped on its own, which is what was wanted. */
function notModified(e: unknown): void {
  if ((e as { statusCode?: number }).statusCode !== 304) throw e;
}
