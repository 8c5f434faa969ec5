import type { Contract } from '@shared/contract';
import type { Handlers } from '../rpc/handlers';
import { containerService } from '../services/containers/container-service';
import type { HostService } from '../services/hosts/host-service';

/** Binds every contract member to its service. The only place that knows both sides. */
export function createHandlers(hosts: HostService): Handlers<Contract> {
  const containers = async (hostId: string) => containerService((await hosts.client(hostId)).docker);
  return {
    hosts: {
      list: () => hosts.list(),
      add: (input) => hosts.add(input),
      update: (input) => hosts.update(input),
      remove: ({ id }) => hosts.remove(id),
      reorder: ({ ids }) => hosts.reorder(ids),
      test: ({ endpoint, id }, ctx) => hosts.test(endpoint, id, ctx.signal),
      trustHostKey: ({ host, port, keyType, key }) => hosts.trustHostKey(host, port, keyType, key),
      reconnect: ({ id }) => hosts.reconnect(id),
      connectionLog: ({ id }) => hosts.connectionLog(id),
      watch: (_params, sink) => hosts.watch((snapshot) => sink.emit(snapshot)),
    },
    containers: {
      list: async ({ hostId, all }, ctx) => (await containers(hostId)).list(all, ctx),
      start: async ({ hostId, id }, ctx) => (await containers(hostId)).start(id, ctx),
      stop: async ({ hostId, id }, ctx) => (await containers(hostId)).stop(id, ctx),
      restart: async ({ hostId, id }, ctx) => (await containers(hostId)).restart(id, ctx),
      remove: async ({ hostId, id, force }, ctx) => (await containers(hostId)).remove(id, force, ctx),
    },
  };
}
