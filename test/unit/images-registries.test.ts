import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDockerConfig } from '../../src/main/services/registries/docker-config';
import { normalizeRegistry, serverAddressFor } from '../../src/main/services/registries/registry-address';
import { registryError, REGISTRY_UNREACHABLE } from '../../src/main/services/registries/registry-errors';
import { RegistryService } from '../../src/main/services/registries/registry-service';
import { fileKeySecretBox, KEY_FILE_NAME } from '../../src/main/security/secret-box';

/** A local socket host: may receive stored logins without consent. */
const LOCAL = { hostId: 'h-local', hostName: 'local', endpoint: 'socket:/var/run/docker.sock', local: true };

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-unit-reg-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('secret box (AES-256-GCM under a 0600 key file)', () => {
  it('round-trips, binds the ciphertext to its record, and detects tampering', async () => {
    const box = fileKeySecretBox(dir);
    const sealed = await box.seal('p@ss', 'r-1');
    expect(sealed).not.toContain('p@ss');
    expect(await box.seal('p@ss', 'r-1')).not.toBe(sealed);
    expect(await box.open(sealed, 'r-1')).toBe('p@ss');
    await expect(box.open(sealed, 'r-2')).rejects.toMatchObject({ code: 'CONFIG_ERROR' });
    const raw = Buffer.from(sealed.split(':').pop() ?? '', 'base64');
    raw.writeUInt8((raw.at(-1) ?? 0) ^ 1, raw.length - 1);
    await expect(box.open(`aes256gcm:v1:${raw.toString('base64')}`, 'r-1')).rejects.toMatchObject({
      code: 'CONFIG_ERROR',
    });
    const key = path.join(dir, KEY_FILE_NAME);
    expect((await fs.stat(key)).mode & 0o777).toBe(0o600);
    expect((await fs.readFile(key)).length).toBe(32);
  });

  it('a second box over the same folder reads the first one’s secrets; a loosened key is tightened', async () => {
    const sealed = await fileKeySecretBox(dir).seal('x', 'r-1');
    await fs.chmod(path.join(dir, KEY_FILE_NAME), 0o644);
    expect(await fileKeySecretBox(dir).open(sealed, 'r-1')).toBe('x');
    expect((await fs.stat(path.join(dir, KEY_FILE_NAME))).mode & 0o777).toBe(0o600);
  });
});

describe('registry logins', () => {
  it('keeps secrets sealed on disk, matches references to logins, refuses duplicates', async () => {
    const svc = new RegistryService(dir, fileKeySecretBox(dir));
    const view = await svc.add({
      address: 'https://Reg.Example:5000/',
      username: 'me',
      secret: 'hunter2',
      secretKind: 'password',
    });
    expect(view).toEqual({
      id: view.id,
      address: 'https://Reg.Example:5000/',
      username: 'me',
      secretKind: 'password',
      allowedHosts: [],
    });
    expect(await fs.readFile(path.join(dir, 'registries.json'), 'utf8')).not.toContain('hunter2');
    expect(await svc.match('reg.example:5000/team/app:1')).toMatchObject({
      registry: 'reg.example:5000',
      login: { id: view.id },
    });
    expect(await svc.match('busybox')).toEqual({ registry: 'docker.io' });
    expect((await svc.authFor('reg.example:5000', LOCAL)).auth).toEqual({
      username: 'me',
      password: 'hunter2',
      serveraddress: 'reg.example:5000',
    });
    expect((await svc.authFor('other:5000', LOCAL)).auth).toEqual({});
    await expect(
      svc.add({ address: 'reg.example:5000', username: 'me', secret: 'x', secretKind: 'password' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await svc.update({ id: view.id, username: 'you' });
    expect((await svc.login(view.id, LOCAL)).secret).toBe('hunter2');
    // A fresh service (a restart) reads the file back.
    expect(await new RegistryService(dir, fileKeySecretBox(dir)).list()).toEqual([
      { ...view, username: 'you' },
    ]);
  });

  it('normalises addresses: Docker Hub has many names', () => {
    expect(normalizeRegistry('https://index.docker.io/v1/')).toBe('docker.io');
    expect(normalizeRegistry('registry-1.docker.io')).toBe('docker.io');
    expect(serverAddressFor('docker.io')).toBe('https://index.docker.io/v1/');
    expect(normalizeRegistry('HTTP://127.0.0.1:5000/v2/')).toBe('127.0.0.1:5000');
  });
});

describe('registry errors', () => {
  const ref = '127.0.0.1:5000/app:1';
  it.each([
    [
      'manifest for 127.0.0.1:5000/app:1 not found: manifest unknown: manifest unknown',
      'pull',
      true,
      'NOT_FOUND',
      /no such image or tag/,
    ],
    [
      'unauthorized: authentication required',
      'pull',
      true,
      'AUTH_FAILED',
      /refused the username or password/,
    ],
    [
      'Head "http://127.0.0.1:5000/v2/app/manifests/1": no basic auth credentials',
      'pull',
      false,
      'AUTH_FAILED',
      /needs a login/,
    ],
    ['denied: requested access to the resource is denied', 'push', true, 'AUTH_FAILED', /may not push/],
    ['name unknown: repository name not known to registry', 'push', true, 'NOT_FOUND', /name unknown/],
    ['tag does not exist: 127.0.0.1:5000/app:1', 'push', false, 'NOT_FOUND', /no local image/],
    [
      'login attempt to http://127.0.0.1:5000/v2/ failed with status: 401 Unauthorized',
      'login',
      true,
      'AUTH_FAILED',
      /refused/,
    ],
    [
      'Get "https://x:5000/v2/": http: server gave HTTP response to HTTPS client',
      'pull',
      false,
      'TLS_ERROR',
      /insecure-registries/,
    ],
    [
      "pull access denied for nope, repository does not exist or may require 'docker login'",
      'pull',
      false,
      'AUTH_FAILED',
      /does not exist, or it needs a login/,
    ],
  ] as const)('%s', (message, op, sent, code, text) => {
    const e = registryError(op, ref, message, sent);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(text);
    expect(e.detail).toBe(message);
  });

  it('no route: names the registry host and marks the kind', () => {
    const e = registryError(
      'pull',
      ref,
      'Get "http://127.0.0.1:5999/v2/": dial tcp 127.0.0.1:5999: connect: connection refused',
    );
    expect(e).toMatchObject({ code: 'ENGINE_ERROR', data: { kind: REGISTRY_UNREACHABLE } });
    expect(e.message).toBe(
      `The engine has no route to the registry (127.0.0.1:5999), so it could not pull ${ref}.`,
    );
    const dns = registryError(
      'pull',
      ref,
      'Get "https://nohost.invalid/v2/": dial tcp: lookup nohost.invalid on 10.0.0.53:53: no such host',
    );
    expect(dns.message).toMatch(/\(nohost\.invalid\)/);
  });
});

describe('~/.docker/config.json', () => {
  it('reads inline auths and tokens, names helpers without reading them', async () => {
    const file = path.join(dir, 'config.json');
    await fs.writeFile(
      file,
      JSON.stringify({
        auths: {
          'a.example': { auth: Buffer.from('alice:pa:ss').toString('base64') },
          'b.example': { auth: Buffer.from('bob:').toString('base64'), identitytoken: 'tok' },
          'c.example': {},
        },
        credHelpers: { 'c.example': 'ecr-login' },
      }),
    );
    const r = await readDockerConfig(file);
    expect(r.logins).toEqual([
      { address: 'a.example', username: 'alice', secret: 'pa:ss', secretKind: 'password' },
      { address: 'b.example', username: 'bob', secret: 'tok', secretKind: 'identity-token' },
    ]);
    expect(r.skipped).toEqual([
      { address: 'c.example', reason: expect.stringMatching(/docker-credential-ecr-login/) },
    ]);
    expect(await readDockerConfig(path.join(dir, 'none.json'))).toMatchObject({ found: false });
  });
});

describe('a stored secret stays with its registry', () => {
  it('moving a login to another registry needs the secret again', async () => {
    const svc = new RegistryService(dir, fileKeySecretBox(dir));
    const view = await svc.add({ address: 'a.example', username: 'me', secret: 's', secretKind: 'password' });
    await expect(svc.update({ id: view.id, address: 'evil.example' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await svc.update({ id: view.id, address: 'https://A.example/' });
    await svc.update({ id: view.id, address: 'b.example', secret: 't' });
    expect((await svc.login(view.id, LOCAL)).secret).toBe('t');
  });
});
