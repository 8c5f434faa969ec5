import type { Contract } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';
import { readEngineInfo } from './engine-client';

/** Binds the hosts namespace of the contract to the host service. */
export function hostsHandlers({ hosts }: AppContext): Handlers<Contract>['hosts'] {
  return {
    list: () => hosts.list(),
    add: (input) => hosts.add(input),
    update: (input) => hosts.update(input),
    remove: ({ id }) => hosts.remove(id),
    reorder: ({ ids }) => hosts.reorder(ids),
    test: ({ endpoint, id }, ctx) => hosts.test(endpoint, id, ctx.signal),
    trustHostKey: ({ host, port, keyType, key }) => hosts.trustHostKey(host, port, keyType, key),
    reconnect: ({ id }) => hosts.reconnect(id),
    engineInfo: async ({ hostId }, ctx) => readEngineInfo(await hosts.client(hostId), ctx.signal),
    connectionLog: ({ id }) => hosts.connectionLog(id),
    watch: (_params, sink) => hosts.watch((snapshot) => sink.emit(snapshot)),
  };
}
