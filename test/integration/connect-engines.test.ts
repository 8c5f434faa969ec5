import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type AppErrorShape, type Endpoint } from '@shared/contract';
import {
  openEngineClient,
  readEngineInfo,
  type EngineClient,
} from '../../src/main/services/hosts/engine-client';
import { enginePing } from '../../src/main/services/hosts/system-calls';
import { docker, loadLab, read, type Lab } from './support/lab';

let lab: Lab;
let knownHosts: string[];
const opened: EngineClient[] = [];

beforeAll(() => {
  lab = loadLab();
  knownHosts = read(lab.ssh.knownHosts).split('\n');
});
afterAll(() => {
  for (const c of opened) c.close();
});

const deps = () => ({ knownHosts: () => knownHosts, homeDir: '/nonexistent-home' });

async function connect(endpoint: Endpoint, d = deps()) {
  const client = await openEngineClient(endpoint, d);
  opened.push(client);
  return client;
}

async function failure(endpoint: Endpoint, d = deps()): Promise<AppErrorShape> {
  try {
    const c = await openEngineClient(endpoint, d);
    c.close();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected the connection to fail');
}

const tls = (host: string, port: number): Endpoint => ({
  kind: 'tls',
  host,
  port,
  ca: read(lab.tls.ca),
  cert: read(lab.tls.cert),
  key: read(lab.tls.key),
});

describe('connecting to real engines', () => {
  it('reaches engine A over its socket and negotiates the API version', async () => {
    const client = await connect({ kind: 'socket', socketPath: lab.engineA.socketPath });
    const info = await readEngineInfo(client);
    expect(info.id).toBe(await docker(lab.engineA.socketPath, 'info', '-f', '{{.ID}}'));
    const engineApi = await docker(lab.engineA.socketPath, 'version', '-f', '{{.Server.APIVersion}}');
    expect(client.apiVersion).toBe(engineApi <= '1.43' ? engineApi : '1.43');
  });

  it("inspects a request's abort signal in one word (docker-modem inspects every request's options)", async () => {
    const client = await connect({ kind: 'socket', socketPath: lab.engineA.socketPath });
    const signal = AbortSignal.any([AbortSignal.timeout(5000), new AbortController().signal]);
    expect(inspect(signal, { showHidden: true, depth: null })).not.toBe('[abort signal]');
    await enginePing(client.docker, signal);
    expect(inspect(signal, { showHidden: true, depth: null })).toBe('[abort signal]');
  });

  it('reaches engine B over TLS, a different engine from A', async () => {
    const client = await connect(tls(lab.engineB.tlsHost, lab.engineB.tlsPort));
    const info = await readEngineInfo(client);
    expect(info.id).toBe(await docker(lab.engineB.socketPath, 'info', '-f', '{{.ID}}'));
    expect(info.id).not.toBe(await docker(lab.engineA.socketPath, 'info', '-f', '{{.ID}}'));
  });

  it('reaches engine B over SSH (ed25519) on one persistent connection', async () => {
    const client = await connect({
      kind: 'ssh',
      host: lab.ssh.host,
      port: lab.ssh.port,
      user: lab.ssh.user,
      privateKey: read(lab.ssh.ed25519Key),
      useAgent: false,
    });
    const info = await readEngineInfo(client);
    expect(info.id).toBe(await docker(lab.engineB.socketPath, 'info', '-f', '{{.ID}}'));
    for (let i = 0; i < 10; i++) await client.docker.listContainers({ all: true });
    expect(client.sshHandshakes?.()).toBe(1);
  });

  it('reaches engine B over SSH with a passphrase-protected RSA key, and names a wrong passphrase', async () => {
    const base = {
      kind: 'ssh' as const,
      host: lab.ssh.host,
      port: lab.ssh.port,
      user: lab.ssh.user,
      useAgent: false,
    };
    const client = await connect({
      ...base,
      privateKeyPath: lab.ssh.rsaKey,
      passphrase: lab.ssh.rsaPassphrase,
    });
    expect((await readEngineInfo(client)).engineVersion).toMatch(/^\d+\./);
    const wrong = await failure({ ...base, privateKeyPath: lab.ssh.rsaKey, passphrase: 'not-it' });
    expect(wrong.code).toBe('AUTH_FAILED');
    const none = await failure({ ...base, privateKeyPath: lab.ssh.rsaKey });
    expect(none).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringMatching(/passphrase/) });
  });

  it('stops at an unknown SSH host key and reports its fingerprint', async () => {
    const err = await failure(
      {
        kind: 'ssh',
        host: lab.ssh.host,
        port: lab.ssh.port,
        user: lab.ssh.user,
        privateKey: read(lab.ssh.ed25519Key),
        useAgent: false,
      },
      { knownHosts: () => [], homeDir: '/nonexistent-home' },
    );
    expect(err.code).toBe('SSH_HOST_KEY_UNKNOWN');
    expect(err.data?.fingerprint).toMatch(/^SHA256:/);
    const fingerprints = await import('node:child_process').then(({ execFileSync }) =>
      execFileSync('ssh-keygen', ['-lf', lab.ssh.knownHosts], { encoding: 'utf8' }),
    );
    expect(fingerprints).toContain(String(err.data?.fingerprint));
  });

  it('refuses an SSH host whose key changed', async () => {
    const err = await failure(
      {
        kind: 'ssh',
        host: lab.ssh.host,
        port: lab.ssh.port,
        user: lab.ssh.user,
        privateKey: read(lab.ssh.ed25519Key),
        useAgent: false,
      },
      {
        knownHosts: () =>
          knownHosts.map((l) =>
            l.replace(
              /(ssh-ed25519 )\S+/,
              '$1AAAAC3NzaC1lZDI1NTE5AAAAIBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB',
            ),
          ),
        homeDir: '/nonexistent-home',
      },
    );
    expect(err.code).toBe('SSH_HOST_KEY_CHANGED');
  });

  it('refuses a server certificate that does not list the dialled address', async () => {
    const err = await failure(tls(lab.engineB.mismatchHost, lab.engineB.tlsPort));
    expect(err.code).toBe('TLS_ERROR');
    expect(err.message).toMatch(/does not list the address/);
    expect(err.detail).toMatch(/altnames/);
  });

  it('refuses a server certificate from an unknown CA', async () => {
    const err = await failure(tls(lab.engineB.tlsHost, lab.tls.wrongCaPort));
    expect(err).toMatchObject({ code: 'TLS_ERROR', message: expect.stringMatching(/unknown CA/) });
  });

  it('refuses an expired server certificate', async () => {
    const err = await failure(tls(lab.engineB.tlsHost, lab.tls.expiredPort));
    expect(err).toMatchObject({ code: 'TLS_ERROR', message: expect.stringMatching(/expired/) });
  });

  it('gives up on an address that drops packets within 10 s, with TIMEOUT', async () => {
    const started = Date.now();
    const err = await failure({ kind: 'tcp', host: lab.blackhole.host, port: lab.blackhole.port });
    expect(err.code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThanOrEqual(10_900);
  }, 20_000);

  it('names a missing socket', async () => {
    const err = await failure({ kind: 'socket', socketPath: '/var/run/no-such-docker.sock' });
    expect(err).toMatchObject({
      code: 'ENGINE_UNREACHABLE',
      message: expect.stringMatching(/no-such-docker\.sock does not exist/),
    });
  });

  it('names a refused port', async () => {
    const err = await failure({ kind: 'tcp', host: '127.0.0.1', port: 1 });
    expect(err.code).toBe('ENGINE_UNREACHABLE');
    expect(err.message).toMatch(/refused/);
  });

  it('ignores DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH in the environment', async () => {
    const saved = { ...process.env };
    process.env.DOCKER_HOST = `tcp://${lab.blackhole.host}:${lab.blackhole.port}`;
    process.env.DOCKER_TLS_VERIFY = '1';
    process.env.DOCKER_CERT_PATH = '/nonexistent';
    try {
      const client = await connect({ kind: 'socket', socketPath: lab.engineA.socketPath });
      const info = await readEngineInfo(client);
      expect(info.id).toBe(await docker(lab.engineA.socketPath, 'info', '-f', '{{.ID}}'));
    } finally {
      process.env = saved;
    }
    expect(process.env.DOCKER_HOST).toBe(saved.DOCKER_HOST);
  });
});
