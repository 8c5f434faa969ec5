import { promises as fs } from 'node:fs';
import type { connectWs } from './ws-client';
import type { Lab } from './lab';

type WsApi = Awaited<ReturnType<typeof connectWs>>['api'];

/**
 * The first-start host, confirmed as this computer's own engine: a socket is "local" for
 * registry logins only once the user says so. Returns its id.
 */
export async function confirmLocalEngine(api: WsApi): Promise<string> {
  const first = (await api.hosts.list({}))[0];
  if (!first || first.endpoint.kind !== 'socket') throw new Error('no local host');
  const local = await api.hosts.update({
    id: first.id,
    endpoint: { kind: 'socket', socketPath: first.endpoint.socketPath, localEngine: true },
  });
  return local.id;
}

/** Adds engine B over TLS as "lab-b" and waits until `connected` resolves for it; returns its id. */
export async function addLabEngineB(
  api: WsApi,
  lab: Lab,
  connected: (hostId: string) => Promise<unknown>,
): Promise<string> {
  const read = (f: string) => fs.readFile(f, 'utf8');
  const b = await api.hosts.add({
    name: 'lab-b',
    color: '#10b981',
    endpoint: {
      kind: 'tls',
      host: lab.engineB.tlsHost,
      port: lab.engineB.tlsPort,
      ca: await read(lab.tls.ca),
      cert: await read(lab.tls.cert),
      key: await read(lab.tls.key),
    },
  });
  await connected(b.id);
  return b.id;
}
