import type { Contract } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';
import { containerService } from './container-service';

/** Binds the containers namespace of the contract to the container service of each host. */
export function containersHandlers({ hosts }: AppContext): Handlers<Contract>['containers'] {
  const on = async (hostId: string) => containerService((await hosts.client(hostId)).docker);
  return {
    list: async ({ hostId, all }, ctx) => (await on(hostId)).list(all, ctx),
    start: async ({ hostId, id }, ctx) => (await on(hostId)).start(id, ctx),
    stop: async ({ hostId, id }, ctx) => (await on(hostId)).stop(id, ctx),
    restart: async ({ hostId, id }, ctx) => (await on(hostId)).restart(id, ctx),
    remove: async ({ hostId, id, force }, ctx) => (await on(hostId)).remove(id, force, ctx),
  };
}
