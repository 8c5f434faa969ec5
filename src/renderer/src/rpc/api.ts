import { contract } from '@shared/contract';
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
