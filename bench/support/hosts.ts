import { readFileSync } from 'node:fs';
import type { Endpoint } from '@shared/contract/hosts';
import { lab } from './bench-objects';
import type { BenchApi } from './server';

const read = (f: string) => readFileSync(f, 'utf8');

/** The lab's engines as Berthmaster reaches them: each kind of endpoint the issue names. */
export const endpoints = {
  socketA: (): Endpoint => ({ kind: 'socket', socketPath: lab.engineA.socketPath }),
  socketB: (): Endpoint => ({ kind: 'socket', socketPath: lab.engineB.socketPath }),
  tlsB: (): Endpoint => ({
    kind: 'tls',
    host: lab.engineB.tlsHost,
    port: lab.engineB.tlsPort,
    ca: read(lab.tls.ca),
    cert: read(lab.tls.cert),
    key: read(lab.tls.key),
  }),
  sshB: (): Endpoint => ({
    kind: 'ssh',
    host: lab.ssh.host,
    port: lab.ssh.port,
    user: lab.ssh.user,
    privateKey: read(lab.ssh.ed25519Key),
    useAgent: false,
  }),
};

export async function addHost(api: BenchApi, name: string, endpoint: Endpoint): Promise<string> {
  const host = await api.hosts.add({
    name,
    color: '#3b82f6',
    endpoint,
    policy: 'full',
    production: false,
    labels: [],
  });
  return host.id;
}
