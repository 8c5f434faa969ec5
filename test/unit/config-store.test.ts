import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigStore, type ConfigFile } from '../../src/main/services/hosts/config-store';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-config-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const sample = (name: string): ConfigFile => ({
  version: 1,
  hosts: [
    {
      id: 'h-1',
      name,
      color: '#112233',
      endpoint: { kind: 'socket', socketPath: '/var/run/docker.sock' },
      policy: 'full',
      production: false,
      labels: [],
    },
  ],
  knownHosts: [],
});

describe('ConfigStore', () => {
  it('returns undefined when there is no file yet', async () => {
    expect(await new ConfigStore(dir).load()).toEqual({ config: undefined });
  });

  it('round-trips a config and leaves no temp files', async () => {
    const store = new ConfigStore(dir);
    await store.save(sample('one'));
    expect((await store.load()).config).toEqual(sample('one'));
    expect(await fs.readdir(dir)).toEqual(['hosts.json']);
    const mode = (await fs.stat(store.file)).mode & 0o777;
    expect(mode).toBe(0o600);
  });

  it('keeps saves in order when they overlap', async () => {
    const store = new ConfigStore(dir);
    await Promise.all(['a', 'b', 'c', 'd'].map((n) => store.save(sample(n))));
    expect((await store.load()).config?.hosts[0]?.name).toBe('d');
  });

  it('never exposes a half-written file: the old content survives a failed write', async () => {
    const store = new ConfigStore(dir);
    await store.save(sample('good'));
    const bad = sample('x') as unknown as { hosts: unknown[] };
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    bad.hosts.push(cyclic);
    await expect(store.save(bad as unknown as ConfigFile)).rejects.toThrow();
    expect((await store.load()).config?.hosts[0]?.name).toBe('good');
  });

  it('sets a corrupt file aside with a clear message instead of crashing', async () => {
    const store = new ConfigStore(dir);
    await fs.writeFile(store.file, '{"version":1,"hosts":[{"id":');
    const result = await store.load();
    expect(result.config).toBeUndefined();
    expect(result.problem?.message).toMatch(/not valid JSON/);
    expect(await fs.readFile(result.problem?.backupPath as string, 'utf8')).toBe(
      '{"version":1,"hosts":[{"id":',
    );
    await expect(fs.stat(store.file)).rejects.toThrow();
  });

  it('refuses a file from another version, keeping it as a backup', async () => {
    const store = new ConfigStore(dir);
    await fs.writeFile(store.file, JSON.stringify({ version: 99, hosts: [] }));
    const result = await store.load();
    expect(result.problem?.message).toMatch(/version 99/);
  });
});
