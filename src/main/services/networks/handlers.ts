import type { Contract } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';
import { networkService } from './network-service';

/** Binds the networks namespace of the contract to the network service of each host. */
export function networksHandlers({ hosts }: AppContext): Handlers<Contract>['networks'] {
  const on = async (hostId: string) => networkService((await hosts.client(hostId)).docker);
  return {
    list: async ({ hostId }, ctx) => (await on(hostId)).list(ctx),
    capabilities: async ({ hostId }, ctx) => (await on(hostId)).capabilities(ctx),
    details: async ({ hostId, id }, ctx) => (await on(hostId)).details(id, ctx),
    create: async (input, ctx) => (await on(input.hostId)).create(input, ctx),
    remove: async ({ hostId, id }, ctx) => (await on(hostId)).remove(id, ctx),
    connect: async (input, ctx) => (await on(input.hostId)).connect(input, ctx),
    disconnect: async ({ hostId, id, container, force }, ctx) =>
      (await on(hostId)).disconnect(id, container, force, ctx),
    prune: async ({ hostId, labels }, ctx) => (await on(hostId)).prune(labels, ctx),
  };
}
