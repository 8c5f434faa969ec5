import { describe, expect, it } from 'vitest';
import { firstHostFromEnvironment } from '../../src/main/services/contexts/first-host';
import {
  defaultEngineSocket,
  localEngineCandidates,
} from '../../src/main/services/hosts/local-engine-candidates';

const paths = (c: { socketPath: string }[]) => c.map((x) => x.socketPath);

describe('the default engine, as the docker CLI of each OS picks it', () => {
  it('is the docker_engine pipe on Windows and /var/run/docker.sock elsewhere', () => {
    expect(defaultEngineSocket('win32')).toBe('//./pipe/docker_engine');
    expect(defaultEngineSocket('linux')).toBe('/var/run/docker.sock');
    expect(defaultEngineSocket('darwin')).toBe('/var/run/docker.sock');
  });

  it('is the first host on a fresh start without DOCKER_HOST or a context', async () => {
    const noConfig = '/nonexistent-home';
    const win = await firstHostFromEnvironment({}, noConfig, 'win32');
    expect(win).toEqual({
      name: 'local',
      endpoint: { kind: 'socket', socketPath: '//./pipe/docker_engine' },
    });
    const linux = await firstHostFromEnvironment({}, noConfig, 'linux');
    expect(linux.endpoint).toEqual({ kind: 'socket', socketPath: '/var/run/docker.sock' });
  });

  it('still follows DOCKER_HOST on Windows', async () => {
    const first = await firstHostFromEnvironment(
      { DOCKER_HOST: 'npipe:////./pipe/podman-machine-default' },
      '/x',
      'win32',
    );
    expect(first.endpoint).toEqual({ kind: 'socket', socketPath: '//./pipe/podman-machine-default' });
  });
});

describe('local engine candidates', () => {
  it('on Linux: default, Docker Desktop, Colima, Rancher Desktop, Podman, Lima, rootless Docker', () => {
    const c = localEngineCandidates({
      platform: 'linux',
      env: { XDG_RUNTIME_DIR: '/run/user/1000' },
      home: '/home/ann',
      colimaProfiles: ['default', 'dev', '_lima'],
      limaInstances: ['docker', '_config'],
    });
    expect(paths(c)).toEqual([
      '/var/run/docker.sock',
      '/home/ann/.docker/desktop/docker.sock',
      '/home/ann/.colima/default/docker.sock',
      '/home/ann/.colima/dev/docker.sock',
      '/home/ann/.colima/docker.sock',
      '/home/ann/.rd/docker.sock',
      '/run/user/1000/podman/podman.sock',
      '/run/podman/podman.sock',
      '/home/ann/.lima/docker/sock/docker.sock',
      '/run/user/1000/docker.sock',
    ]);
    expect(c.find((x) => x.socketPath.endsWith('dev/docker.sock'))).toMatchObject({
      source: 'Colima (dev)',
      name: 'colima-dev',
    });
    expect(c.find((x) => x.socketPath === '/run/user/1000/docker.sock')).toMatchObject({ name: 'rootless' });
  });

  it('on Linux without XDG_RUNTIME_DIR, no per-user runtime sockets', () => {
    const c = localEngineCandidates({ platform: 'linux', env: {}, home: '/home/ann' });
    expect(paths(c).some((p) => p.startsWith('/run/user'))).toBe(false);
    expect(paths(c)).toContain('/run/podman/podman.sock');
  });

  it('on macOS: Docker Desktop, Colima, OrbStack, Rancher Desktop, podman machine, Lima', () => {
    const c = localEngineCandidates({
      platform: 'darwin',
      env: { TMPDIR: '/var/folders/xy/T/', COLIMA_HOME: '/Users/bo/.config/colima' },
      home: '/Users/bo',
      colimaProfiles: ['default'],
      limaInstances: ['default'],
    });
    expect(paths(c)).toEqual([
      '/var/run/docker.sock',
      '/Users/bo/.docker/run/docker.sock',
      '/Users/bo/.config/colima/default/docker.sock',
      '/Users/bo/.config/colima/docker.sock',
      '/Users/bo/.orbstack/run/docker.sock',
      '/Users/bo/.rd/docker.sock',
      '/Users/bo/.local/share/containers/podman/machine/podman.sock',
      '/var/folders/xy/T/podman/podman-machine-default-api.sock',
      '/Users/bo/.lima/default/sock/docker.sock',
    ]);
  });

  it('on Windows: named pipes only (docker_engine, Docker Desktop, podman machine)', () => {
    const c = localEngineCandidates({
      platform: 'win32',
      env: { XDG_RUNTIME_DIR: 'C:\\x' },
      home: 'C:\\Users\\cy',
      colimaProfiles: ['default'],
    });
    expect(paths(c)).toEqual([
      '//./pipe/docker_engine',
      '//./pipe/dockerDesktopLinuxEngine',
      '//./pipe/podman-machine-default',
    ]);
    expect(c.map((x) => x.name)).toEqual(['local', 'docker-desktop', 'podman']);
  });

  it('lists each path once', () => {
    const c = localEngineCandidates({ platform: 'linux', env: { XDG_RUNTIME_DIR: '/run' }, home: '/h' });
    expect(new Set(paths(c)).size).toBe(c.length);
  });
});
