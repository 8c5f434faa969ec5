import { AppError, type Contract, type Endpoint } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';
import { readEngineInfo } from './engine-client';

/** A pinned TLS host is saved only with its pin (a connection test may go without, to see the certificate). */
function requirePin<T extends { endpoint?: Endpoint | undefined }>(input: T): T {
  const e = input.endpoint;
  if (e?.kind === 'tls' && e.trust === 'pin' && !e.pin) {
    throw new AppError({
      code: 'INVALID_INPUT',
      message:
        'A pinned TLS host needs the certificate fingerprint: test the connection and trust the certificate.',
    });
  }
  return input;
}

/** Binds the hosts namespace of the contract to the host service. */
export function hostsHandlers({ hosts }: AppContext): Handlers<Contract>['hosts'] {
  return {
    list: () => hosts.list(),
    add: (input) => hosts.add(requirePin(input)),
    update: (input) => hosts.update(requirePin(input)),
    remove: ({ id }) => hosts.remove(id),
    reorder: ({ ids }) => hosts.reorder(ids),
    test: ({ endpoint, id }, ctx) => hosts.test(endpoint, id, ctx.signal),
    trustHostKey: ({ host, port, keyType, key }) => hosts.trustHostKey(host, port, keyType, key),
    reconnect: ({ id }) => hosts.reconnect(id),
    engineInfo: async ({ hostId }, ctx) => readEngineInfo(await hosts.client(hostId), ctx.signal),
    connectionLog: ({ id }) => hosts.connectionLog(id),
    discover: (_params, ctx) => hosts.discoverLocal(ctx.signal),
    watch: (_params, sink) => hosts.watch((snapshot) => sink.emit(snapshot)),
  };
}
