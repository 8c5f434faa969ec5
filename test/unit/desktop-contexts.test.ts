import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contextToEndpoint,
  endpointKey,
  endpointToContext,
} from '../../src/main/services/contexts/context-mapping';
import {
  contextId,
  readContexts,
  writeContext,
  type StoredContext,
} from '../../src/main/services/contexts/context-store';
import { currentContextName } from '../../src/main/services/contexts/contexts-service';
import { firstHostFromEnvironment } from '../../src/main/services/contexts/first-host';

const PEM = (what: string) => `-----BEGIN ${what}-----\nAAAA\n-----END ${what}-----\n`;
const ctx = (host: string | undefined, extra: Partial<StoredContext> = {}): StoredContext => ({
  name: 'c',
  description: '',
  host,
  skipTlsVerify: false,
  tls: {},
  ...extra,
});
const tls = { ca: PEM('CERTIFICATE'), cert: PEM('CERTIFICATE'), key: PEM('PRIVATE KEY') };

describe('context → endpoint', () => {
  it('maps socket, plain tcp, TLS and SSH endpoints', () => {
    expect(contextToEndpoint(ctx('unix:///run/d.sock'), { sshAgent: false })).toMatchObject({
      ok: true,
      endpoint: { kind: 'socket', socketPath: '/run/d.sock' },
    });
    expect(contextToEndpoint(ctx('tcp://h:2375'), { sshAgent: false })).toMatchObject({
      ok: true,
      endpoint: { kind: 'tcp', host: 'h', port: 2375 },
    });
    expect(contextToEndpoint(ctx('tcp://h:2376', { tls }), { sshAgent: false })).toMatchObject({
      ok: true,
      kind: 'tls',
      endpoint: { kind: 'tls', host: 'h', port: 2376, key: tls.key },
    });
    expect(contextToEndpoint(ctx('ssh://deploy@box:2222'), { sshAgent: true })).toMatchObject({
      ok: true,
      endpoint: { kind: 'ssh', host: 'box', port: 2222, user: 'deploy', useAgent: true },
    });
  });

  it('refuses what would weaken or break the connection, with a reason', () => {
    const reason = (c: StoredContext) => {
      const m = contextToEndpoint(c, { sshAgent: false });
      return m.ok ? undefined : m.reason;
    };
    expect(reason(ctx('tcp://h:2376', { skipTlsVerify: true, tls: { ca: tls.ca } }))).toMatch(
      /skips TLS verification/,
    );
    expect(reason(ctx('tcp://h:2376', { tls: { ca: tls.ca } }))).toMatch(/incomplete/);
    expect(
      reason(ctx('tcp://h:2376', { tls: { ...tls, key: 'Proc-Type: 4,ENCRYPTED\n' + tls.key } })),
    ).toMatch(/encrypted/);
    expect(reason(ctx('ssh://box/var/run/docker.sock'))).toMatch(/socket path/);
    expect(reason(ctx(undefined))).toMatch(/no Docker endpoint/);
    expect(reason(ctx('ftp://x'))).toMatch(/unsupported scheme/);
  });

  it('endpoint keys identify where a host connects', () => {
    expect(endpointKey({ kind: 'ssh', host: 'b', user: 'u' })).toBe('ssh:u@b:22');
    expect(endpointKey({ kind: 'tls', host: 'h', port: 1 })).toBe(
      endpointKey({ kind: 'tls', host: 'h', port: 1 }),
    );
  });

  it('selects the current context like the CLI', () => {
    expect(currentContextName({}, undefined)).toBe('default');
    expect(currentContextName({}, 'b')).toBe('b');
    expect(currentContextName({ DOCKER_CONTEXT: 'a' }, 'b')).toBe('a');
    expect(currentContextName({ DOCKER_HOST: 'tcp://x', DOCKER_CONTEXT: 'a' }, 'b')).toBe('default');
  });
});

describe('endpoint → context files', () => {
  it('writes the CLI layout and refuses to overwrite', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-ctx-'));
    const { ctx: c } = endpointToContext('x', 'd', { kind: 'tls', host: 'h', port: 2376, ...tls });
    await writeContext(dir, c);
    const id = contextId('x');
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(await fs.readFile(path.join(dir, 'contexts/meta', id, 'meta.json'), 'utf8'))).toEqual({
      Name: 'x',
      Metadata: { Description: 'd' },
      Endpoints: { docker: { Host: 'tcp://h:2376', SkipTLSVerify: false } },
    });
    const st = await fs.stat(path.join(dir, 'contexts/tls', id, 'docker/key.pem'));
    expect(st.mode & 0o777).toBe(0o600);
    expect((await fs.stat(path.join(dir, 'contexts/tls', id))).mode & 0o777).toBe(0o700);
    await expect(writeContext(dir, c)).rejects.toThrow(/already exists/);
    const [read] = await readContexts(dir);
    expect(read).toMatchObject({ name: 'x', host: 'tcp://h:2376', tls });
  });

  it('SSH exports keep keys with ssh(1) and say so', () => {
    const r = endpointToContext('s', '', {
      kind: 'ssh',
      host: 'b',
      user: 'u',
      privateKeyPath: '/k',
      useAgent: false,
    });
    expect(r.ctx.host).toBe('ssh://u@b');
    expect(r.note).toMatch(/ssh/);
    expect(endpointToContext('t', '', { kind: 'tcp', host: '::1', port: 2375 }).ctx.host).toBe(
      'tcp://[::1]:2375',
    );
  });
});

describe('first host from the environment', () => {
  it('honours DOCKER_HOST, then DOCKER_CONTEXT, then currentContext', async () => {
    const home = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-home-'));
    const dir = path.join(home, '.docker');
    await writeContext(dir, { name: 'remote', description: '', host: 'tcp://10.0.0.9:2375' });
    await writeContext(dir, { name: 'other', description: '', host: 'unix:///other.sock' });
    await fs.writeFile(path.join(dir, 'config.json'), JSON.stringify({ currentContext: 'remote' }));
    expect(await firstHostFromEnvironment({}, home)).toEqual({
      name: 'remote',
      endpoint: { kind: 'tcp', host: '10.0.0.9', port: 2375 },
    });
    expect((await firstHostFromEnvironment({ DOCKER_CONTEXT: 'other' }, home)).endpoint).toEqual({
      kind: 'socket',
      socketPath: '/other.sock',
    });
    expect((await firstHostFromEnvironment({ DOCKER_HOST: 'tcp://h:1' }, home)).endpoint).toEqual({
      kind: 'tcp',
      host: 'h',
      port: 1,
    });
    const missing = await firstHostFromEnvironment({ DOCKER_CONTEXT: 'gone' }, home);
    expect(missing.name).toBe('local');
    expect(missing.warning).toMatch(/not found/);
  });
});
