import { AppError, type Contract } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';
import { credentialTarget, registriesFor } from '../registries/registries-for';
import { tasksFor } from '../tasks/tasks-for';
import { startBuild, type BuildRequest } from './build-task';
import type { ImageTaskDeps } from './image-task-deps';
import { imageService } from './image-service';
import { startPull, startPush } from './registry-tasks';
import { startCopy, startLoad, startSave } from './transfer-tasks';

/** Binds the images namespace: quick calls answer directly, long ones start a task. */
export function imagesHandlers(ctx: AppContext): Handlers<Contract>['images'] {
  const on = async (hostId: string) => imageService((await ctx.hosts.client(hostId)).docker);
  const deps = (): ImageTaskDeps => ({
    docker: async (hostId) => (await ctx.hosts.client(hostId)).docker,
    hostName: (hostId) => ctx.hosts.list().find((h) => h.id === hostId)?.name ?? hostId,
    registries: registriesFor(ctx),
    credentialTarget: (hostId) => credentialTarget(ctx, hostId),
    tasks: tasksFor(ctx),
  });
  // Fail fast on an unknown host instead of starting a task that can only fail.
  const known = (...hostIds: string[]) => {
    for (const id of hostIds) {
      if (!ctx.hosts.list().some((h) => h.id === id)) {
        throw new AppError({ code: 'NOT_FOUND', message: `No host with id ${id}.` });
      }
    }
  };
  return {
    list: async ({ hostId }, c) => (await on(hostId)).list(c),
    inspect: async ({ hostId, id }, c) => (await on(hostId)).inspect(id, c),
    tag: async ({ hostId, id, target }, c) => (await on(hostId)).tag(id, target, c),
    untag: async ({ hostId, reference }, c) => (await on(hostId)).remove(reference, false, c),
    remove: async ({ hostId, id, force }, c) => (await on(hostId)).remove(id, force, c),
    prune: async ({ hostId, scope, labels }, c) => (await on(hostId)).prune(scope, labels, c),
    // A stored login the host may not receive fails the call itself (PERMISSION_DENIED), so the
    // dialog can offer "Allow for this host" instead of a task that can only fail.
    pull: async ({ hostId, reference }) => {
      known(hostId);
      await registriesFor(ctx).checkConsent(reference, credentialTarget(ctx, hostId));
      return { taskId: startPull(deps(), hostId, reference).id };
    },
    push: async ({ hostId, reference }) => {
      known(hostId);
      await registriesFor(ctx).checkConsent(reference, credentialTarget(ctx, hostId));
      return { taskId: startPush(deps(), hostId, reference).id };
    },
    build: (input) => {
      known(input.hostId);
      const req: BuildRequest = { ...input };
      return { taskId: startBuild(deps(), req).id };
    },
    save: ({ hostId, references, path, overwrite }) => {
      known(hostId);
      return { taskId: startSave(deps(), hostId, references, path, overwrite).id };
    },
    load: ({ hostId, path }) => {
      known(hostId);
      return { taskId: startLoad(deps(), hostId, path).id };
    },
    copy: ({ hostId, targetHostId, references }) => {
      known(hostId, targetHostId);
      return { taskId: startCopy(deps(), hostId, targetHostId, references).id };
    },
  };
}
