import path from 'node:path';
import { AppError, type Contract } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';
import { defaultConfigDir } from '../../config-dir';
import { tasksFor } from '../tasks/tasks-for';
import { reconstructCompose } from './adopt';
import { followStackLogs } from './stack-logs';
import { loadFailureMessage, loadProject } from './load-project';
import { stackServiceFor } from './stack-service-for';
import { StackStore } from './stack-store';

/** Binds the stacks namespace: quick calls answer, deploys run as tasks in the task registry. */
export function stacksHandlers(ctx: AppContext): Handlers<Contract>['stacks'] {
  const store = new StackStore(ctx.configDir ?? defaultConfigDir());
  // docker compose interpolates from the shell; the app's own environment plays that part.
  const environment = ctx.env ?? process.env;
  const tasks = () => tasksFor(ctx);
  const on = stackServiceFor(ctx, store);
  const task = (hostId: string, title: string, body: Parameters<ReturnType<typeof tasks>['start']>[1]) => ({
    taskId: tasks().start({ kind: 'stack', hostId, title, phase: 'Starting…' }, body).id,
  });
  const files = (i: {
    composeYaml: string;
    envText: string;
    workingDir?: string | undefined;
    profiles: string[];
  }) => ({
    composeYaml: i.composeYaml,
    envText: i.envText,
    workingDir: i.workingDir,
    profiles: i.profiles,
  });

  return {
    list: async ({ hostId }, { signal }) => (await on(hostId)).list(signal),
    get: async ({ hostId, project }, { signal }) => (await on(hostId)).get(project, signal),
    validate: (input) =>
      loadProject({
        composeYaml: input.composeYaml,
        envText: input.envText,
        projectName: input.project,
        workingDir:
          input.workingDir ?? path.join(ctx.configDir ?? defaultConfigDir(), 'stacks', '_', input.project),
        profiles: input.profiles,
        environment,
      }),
    save: async ({ hostId, project, ...rest }) => (await on(hostId)).save(project, files(rest)),
    forget: async ({ hostId, project }) => store.forget(hostId, project),
    plan: async ({ hostId, project, pull, removeOrphans, target, ...given }, { signal }) => {
      return (await on(hostId)).plan(project, given, { pull, removeOrphans, target }, signal);
    },
    up: async ({ hostId, project, pull, removeOrphans, services, target, ...given }) => {
      const svc = await on(hostId);
      await svc.check(project, given);
      if (target === 'swarm') {
        return task(hostId, `Deploy stack ${project} (swarm)`, (ctl) => svc.deploySwarm(project, given, ctl));
      }
      return task(hostId, `Deploy ${project}`, (ctl) =>
        svc.up(project, given, { pull, removeOrphans, services }, ctl),
      );
    },
    down: async ({ hostId, project, volumes }) => {
      const svc = await on(hostId);
      return task(hostId, `Down ${project}`, (ctl) => svc.down(project, { volumes }, ctl));
    },
    start: async ({ hostId, project, services }, { signal }) =>
      (await on(hostId)).lifecycle(project, 'start', services, signal),
    stop: async ({ hostId, project, services }, { signal }) =>
      (await on(hostId)).lifecycle(project, 'stop', services, signal),
    restart: async ({ hostId, project, services }, { signal }) =>
      (await on(hostId)).lifecycle(project, 'restart', services, signal),
    pull: async ({ hostId, project, services }) => {
      const svc = await on(hostId);
      return task(hostId, `Pull ${project}`, (ctl) => svc.pullAll(project, services, ctl));
    },
    scale: async ({ hostId, project, service, replicas }) => {
      const svc = await on(hostId);
      return task(hostId, `Scale ${project}/${service} to ${replicas}`, (ctl) =>
        svc.scale(project, service, replicas, ctl),
      );
    },
    adoptPreview: async ({ hostId, project }, { signal }) =>
      reconstructCompose((await ctx.hosts.client(hostId)).docker, project, signal),
    adopt: async ({ hostId, project, ...rest }) => {
      const load = loadProject({
        composeYaml: rest.composeYaml,
        envText: rest.envText,
        projectName: project,
        workingDir: rest.workingDir ?? store.dir(hostId, project),
        environment,
      });
      if (!load.project) throw new AppError({ code: 'INVALID_INPUT', message: loadFailureMessage(load) });
      await (await on(hostId)).save(project, files(rest));
    },
    logs: async ({ hostId, project, services, follow, tail }, sink) => {
      const docker = (await ctx.hosts.client(hostId)).docker;
      const controller = new AbortController();
      sink.signal.addEventListener('abort', () => controller.abort(), { once: true });
      followStackLogs(docker, {
        project,
        ...(services ? { services } : {}),
        follow,
        tail,
        signal: controller.signal,
        onLines: (lines) => sink.emit({ type: 'lines', lines }),
        onSource: (container, service, state) => sink.emit({ type: 'source', container, service, state }),
      }).then(
        () => sink.end(),
        (e) => sink.end(e),
      );
      return () => controller.abort();
    },
  };
}
