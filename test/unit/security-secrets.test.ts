import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeStorageSecretBox, type SafeStorageLike } from '../../src/main/electron/safe-storage-box';
import { ConfigStore, type ConfigFile } from '../../src/main/services/hosts/config-store';
import { fileKeySecretBox } from '../../src/main/security/secret-box';

const KEY = '-----BEGIN PRIVATE KEY-----\nTOP-SECRET-KEY-MATERIAL\n-----END PRIVATE KEY-----';
const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';

const config = (): ConfigFile => ({
  version: 1,
  hosts: [
    {
      id: 'h-tls',
      name: 'prod',
      color: '#112233',
      endpoint: { kind: 'tls', host: '10.0.0.1', port: 2376, ca: CERT, cert: CERT, key: KEY },
      policy: 'full',
      production: true,
      labels: [],
    },
    {
      id: 'h-ssh',
      name: 'ssh',
      color: '#112233',
      endpoint: {
        kind: 'ssh',
        host: 'b',
        privateKey: KEY,
        passphrase: 'hunter2-passphrase',
        useAgent: false,
      },
      policy: 'full',
      production: false,
      labels: [],
    },
  ],
  knownHosts: [],
});

describe('secrets at rest', () => {
  it('seals TLS keys, SSH keys and passphrases in hosts.json and opens them again', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-secrets-'));
    const store = new ConfigStore(dir, fileKeySecretBox(dir));
    await store.save(config());
    const onDisk = await fs.readFile(store.file, 'utf8');
    expect(onDisk).not.toContain('TOP-SECRET-KEY-MATERIAL');
    expect(onDisk).not.toContain('hunter2-passphrase');
    expect(onDisk).toContain('aes256gcm:v1:');
    expect((await fs.stat(path.join(dir, 'secrets.key'))).mode & 0o777).toBe(0o600);
    expect((await new ConfigStore(dir, fileKeySecretBox(dir)).load()).config).toEqual(config());
  });

  it('reads an older file with plain-text secrets, and seals them at the next save', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-secrets-'));
    await new ConfigStore(dir).save(config());
    const store = new ConfigStore(dir, fileKeySecretBox(dir));
    const loaded = (await store.load()).config as ConfigFile;
    expect(loaded).toEqual(config());
    await store.save(loaded);
    expect(await fs.readFile(store.file, 'utf8')).not.toContain('TOP-SECRET');
  });

  it('says clearly when the key file was replaced, keeping the file aside', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-secrets-'));
    await new ConfigStore(dir, fileKeySecretBox(dir)).save(config());
    await fs.writeFile(path.join(dir, 'secrets.key'), Buffer.alloc(32, 9));
    const result = await new ConfigStore(dir, fileKeySecretBox(dir)).load();
    expect(result.problem?.message).toMatch(/secrets could not be opened/);
  });
});

describe('Electron safeStorage box', () => {
  const fake = (backend: string): SafeStorageLike => ({
    isEncryptionAvailable: () => true,
    encryptString: (s) => Buffer.from(s.split('').reverse().join('')),
    decryptString: (b) => b.toString().split('').reverse().join(''),
    getSelectedStorageBackend: () => backend,
  });

  it('round-trips and binds a secret to its place', async () => {
    const box = safeStorageSecretBox(fake('gnome_libsecret'), false);
    const sealed = await box.seal('pw', 'host:h1:key');
    expect(await box.open(sealed, 'host:h1:key')).toBe('pw');
    await expect(box.open(sealed, 'host:h2:key')).rejects.toThrow(/does not belong/);
  });

  it('refuses the basic_text backend unless the user opted in', async () => {
    await expect(safeStorageSecretBox(fake('basic_text'), false).seal('pw', 'c')).rejects.toThrow(
      /No OS keychain/,
    );
    await expect(safeStorageSecretBox(fake('basic_text'), true).seal('pw', 'c')).resolves.toMatch(
      /^safestorage:v1:/,
    );
  });
});
