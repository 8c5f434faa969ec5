import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { endpointFromEnvironment, parseDockerHost } from '../../src/main/services/hosts/docker-env';

describe('parseDockerHost', () => {
  it.each([
    ['unix:///var/run/docker.sock', { kind: 'socket', socketPath: '/var/run/docker.sock' }],
    ['unix://', { kind: 'socket', socketPath: '/var/run/docker.sock' }],
    ['tcp://10.0.0.5:2376', { kind: 'tcp', host: '10.0.0.5', port: 2376 }],
    ['tcp://10.0.0.5', { kind: 'tcp', host: '10.0.0.5', port: 2375 }],
    ['10.0.0.5:1234', { kind: 'tcp', host: '10.0.0.5', port: 1234 }],
    ['ssh://deploy@prod.example:2222', { kind: 'ssh', host: 'prod.example', port: 2222, user: 'deploy' }],
    ['ssh://prod', { kind: 'ssh', host: 'prod' }],
    ['tcp://[::1]:2375', { kind: 'tcp', host: '::1', port: 2375 }],
  ])('%s', (value, expected) => {
    expect(parseDockerHost(value)).toEqual(expected);
  });

  it('defaults the tcp port to 2376 with TLS', () => {
    expect(parseDockerHost('tcp://h', true)).toEqual({ kind: 'tcp', host: 'h', port: 2376 });
  });

  it('rejects unknown schemes and garbage', () => {
    expect(() => parseDockerHost('ftp://h')).toThrow(/unsupported scheme/);
    expect(() => parseDockerHost('')).toThrow(/empty/);
  });
});

describe('endpointFromEnvironment', () => {
  it('uses the local socket without DOCKER_HOST', async () => {
    expect(await endpointFromEnvironment({}, '/home/x')).toEqual({
      kind: 'socket',
      socketPath: '/var/run/docker.sock',
    });
  });

  it('reads TLS material from DOCKER_CERT_PATH when DOCKER_TLS_VERIFY is set', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-certs-'));
    for (const f of ['ca.pem', 'cert.pem', 'key.pem'])
      await fs.writeFile(path.join(dir, f), `-----BEGIN ${f}-----`);
    const e = await endpointFromEnvironment(
      { DOCKER_HOST: 'tcp://10.1.2.3:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: dir },
      '/home/x',
    );
    expect(e).toEqual({
      kind: 'tls',
      host: '10.1.2.3',
      port: 2376,
      ca: '-----BEGIN ca.pem-----',
      cert: '-----BEGIN cert.pem-----',
      key: '-----BEGIN key.pem-----',
    });
  });

  it('keeps plain tcp when TLS is not asked for', async () => {
    expect(await endpointFromEnvironment({ DOCKER_HOST: 'tcp://h:2375' }, '/x')).toEqual({
      kind: 'tcp',
      host: 'h',
      port: 2375,
    });
  });
});
