import os from 'node:os';
import type { Contract } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';
import { ContextsService } from './contexts-service';

/** Binds the contexts namespace: the Docker CLI's contexts under the user's home. */
export function contextsHandlers(ctx: AppContext): Handlers<Contract>['contexts'] {
  const service = new ContextsService({
    hosts: ctx.hosts,
    env: ctx.env ?? process.env,
    homeDir: ctx.homeDir ?? os.homedir(),
  });
  return {
    list: () => service.list(),
    import: ({ names }) => service.import(names),
    export: ({ hostId, name, confirmKeyExport }) => service.export(hostId, name, confirmKeyExport),
  };
}
