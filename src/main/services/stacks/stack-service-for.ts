import { AppError } from '@shared/contract';
import type { AppContext } from '../../app/app-context';
import { credentialTarget, registriesFor } from '../registries/registries-for';
import { buildImage } from '../images/build-task';
import type { ImageTaskDeps } from '../images/image-task-deps';
import { pullImage } from '../images/registry-tasks';
import { tasksFor } from '../tasks/tasks-for';
import { stackService } from './stack-service';
import type { StackStore } from './stack-store';

export type StackOps = ReturnType<typeof stackService>;

/** The stack operations of a host, wired to its engine, policy, registries and the image tasks. */
export function stackServiceFor(ctx: AppContext, store: StackStore): (hostId: string) => Promise<StackOps> {
  const imageDeps = (): ImageTaskDeps => ({
    docker: async (hostId) => (await ctx.hosts.client(hostId)).docker,
    hostName: (hostId) => ctx.hosts.get(hostId)?.name ?? hostId,
    registries: registriesFor(ctx),
    credentialTarget: (hostId) => credentialTarget(ctx, hostId),
    tasks: tasksFor(ctx),
  });
  return async (hostId: string) => {
    const host = ctx.hosts.get(hostId);
    if (!host) throw new AppError({ code: 'NOT_FOUND', message: `No host with id ${hostId}.` });
    const docker = (await ctx.hosts.client(hostId)).docker;
    return stackService({
      hostId,
      docker,
      store,
      // docker compose interpolates from the shell; the app's own environment plays that part.
      environment: ctx.env ?? process.env,
      host: {
        hostId,
        name: host.name,
        policy: host.policy ?? 'full',
        ...(host.allowedBindPaths ? { allowedBindPaths: host.allowedBindPaths } : {}),
      },
      pull: async (reference, ctl) => {
        await registriesFor(ctx).checkConsent(reference, credentialTarget(ctx, hostId));
        await pullImage(imageDeps(), hostId, reference, ctl);
      },
      build: async (svc, ctl) => {
        const b = svc.build!;
        await buildImage(
          imageDeps(),
          {
            hostId,
            contextPath: b.context,
            dockerfile: b.dockerfile,
            tags: [svc.image],
            buildArgs: b.args,
            labels: b.labels,
            noCache: false,
            pull: false,
            ...(b.target ? { target: b.target } : {}),
          },
          ctl,
        );
      },
    });
  };
}
