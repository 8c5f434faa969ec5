import { contract } from '@shared/contract';
import type { CallInputOf, CallName, CallResultOf } from '../lib/method-types';
import { createClient } from '@shared/rpc/client';
import { browserToken } from './browser-token';
import { bridgeTransport, webSocketTransport } from './transports';

function createTransport() {
  if (window.berthmaster) return bridgeTransport(window.berthmaster);
  const token = browserToken() ?? '';
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return webSocketTransport(`${scheme}://${window.location.host}/rpc?token=${encodeURIComponent(token)}`);
}

/** The typed API, identical in Electron and in browser mode. */
export const api = createClient(contract, createTransport());
export type AppApi = typeof api;

export type { CallInputOf, CallName, CallResultOf };

type Untyped = Record<string, Record<string, (input: unknown) => Promise<unknown>>>;

/** Calls a contract method by its "namespace.member" name: the name and input are checked against the contract. */
export function invoke<K extends CallName>(method: K, input: CallInputOf<K>): Promise<CallResultOf<K>> {
  const [ns, member] = method.split('.') as [string, string];
  const fn = (api as unknown as Untyped)[ns]?.[member];
  if (!fn) return Promise.reject(new Error(`Unknown method ${method}`));
  return fn(input) as Promise<CallResultOf<K>>;
}
