import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTINGS_VERSION, settingsPatchSchema } from '@shared/contract';
import { defaultSettings, migrateSettings } from '../../src/main/services/settings/settings-migration';
import { SettingsStore } from '../../src/main/services/settings/settings-store';

async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-settings-'));
}

describe('settings schema', () => {
  it('has a default for every field', () => {
    expect(defaultSettings()).toEqual({
      version: SETTINGS_VERSION,
      theme: 'system',
      fontSize: 13,
      density: 'comfortable',
      logBufferLines: 200_000,
      terminalScrollback: 5_000,
      terminalFontFamily: '',
      terminalFontSize: 13,
      defaultShell: '',
      notifications: true,
      typedConfirmation: 'production',
      apiLogEntries: 2_000,
      maxStreamsPerWindow: 100,
      maxUploadMiB: 4096,
    });
  });

  it('accepts valid patches and explains invalid ones', () => {
    expect(settingsPatchSchema.parse({ theme: 'dark', logBufferLines: 50_000 })).toEqual({
      theme: 'dark',
      logBufferLines: 50_000,
    });
    const bad = settingsPatchSchema.safeParse({ fontSize: 40 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('font size is 11-18');
    expect(settingsPatchSchema.safeParse({ theme: 'purple' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ logBufferLines: 10 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ terminalFontFamily: 'x; } body { color: red' }).success).toBe(
      false,
    );
    expect(settingsPatchSchema.safeParse({ defaultShell: '/bin/bash -l' }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({ defaultShell: 'bash; rm -rf /' }).success).toBe(false);
    // Strict: unknown keys and the version are not patchable.
    expect(settingsPatchSchema.safeParse({ version: 2 }).success).toBe(false);
  });
});

describe('settings migration', () => {
  it('migrates an unversioned (version 0) file', () => {
    const m = migrateSettings({ theme: 'auto', logLines: 5000, notifications: false });
    expect(m.from).toBe(0);
    expect(m.newer).toBe(false);
    expect(m.reset).toEqual([]);
    expect(m.settings).toMatchObject({
      version: 1,
      theme: 'system',
      logBufferLines: 5000,
      notifications: false,
    });
    expect('logLines' in m.settings).toBe(false);
  });

  it('keeps valid fields when one is invalid', () => {
    const m = migrateSettings({ version: 1, theme: 'dark', fontSize: 99, density: 'compact' });
    expect(m.settings).toMatchObject({ theme: 'dark', fontSize: 13, density: 'compact' });
    expect(m.reset).toEqual(['fontSize']);
  });

  it('reads a newer file without claiming it', () => {
    const m = migrateSettings({ version: 7, theme: 'light', futureThing: true });
    expect(m.newer).toBe(true);
    expect(m.settings.theme).toBe('light');
    expect(m.settings.version).toBe(SETTINGS_VERSION);
  });

  it('treats garbage as defaults', () => {
    expect(migrateSettings('nonsense').settings).toEqual(defaultSettings());
    expect(migrateSettings([1, 2]).settings).toEqual(defaultSettings());
    expect(migrateSettings({ version: 'x' }).reset).toEqual(['version']);
  });
});

describe('settings store', () => {
  it('persists updates atomically with 0600 and reloads them', async () => {
    const dir = await tempDir();
    const a = new SettingsStore(dir);
    expect((await a.get()).settings).toEqual(defaultSettings());
    const s = await a.update({ theme: 'dark', terminalScrollback: 20_000 });
    expect(s.dataDir).toBe(dir);
    const file = path.join(dir, 'settings.json');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toMatchObject({ version: 1, theme: 'dark' });
    const b = new SettingsStore(dir);
    expect((await b.get()).settings).toMatchObject({ theme: 'dark', terminalScrollback: 20_000 });
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps every one of several changes sent at once (none is built on a state another overwrites)', async () => {
    const dir = await tempDir();
    const store = new SettingsStore(dir);
    const answers = await Promise.all([
      store.update({ logBufferLines: 50_000 }),
      store.update({ theme: 'dark' }),
      store.update({ typedConfirmation: 'always' }),
    ]);
    const want = { logBufferLines: 50_000, theme: 'dark', typedConfirmation: 'always' };
    // Each answer holds its own change and those sent before it, and the last holds them all.
    expect(answers[0]!.settings.logBufferLines).toBe(50_000);
    expect(answers[1]!.settings).toMatchObject({ logBufferLines: 50_000, theme: 'dark' });
    expect(answers[2]!.settings).toMatchObject(want);
    expect((await store.get()).settings).toMatchObject(want);
    expect((await new SettingsStore(dir).get()).settings).toMatchObject(want);
  });

  it('migrates an old file on load and writes the new version on the next change', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, 'settings.json'), JSON.stringify({ theme: 'auto', logLines: 3000 }));
    const store = new SettingsStore(dir);
    expect((await store.get()).settings).toMatchObject({ theme: 'system', logBufferLines: 3000 });
    await store.update({ density: 'compact' });
    const onDisk = JSON.parse(await fs.readFile(path.join(dir, 'settings.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(onDisk).toMatchObject({ version: 1, theme: 'system', logBufferLines: 3000, density: 'compact' });
    expect(onDisk.logLines).toBeUndefined();
  });

  it('never overwrites a file from a newer version, and says so', async () => {
    const dir = await tempDir();
    const text = JSON.stringify({ version: 9, theme: 'light' });
    await fs.writeFile(path.join(dir, 'settings.json'), text);
    const store = new SettingsStore(dir);
    expect((await store.get()).notice).toMatch(/newer Berthmaster/);
    const after = await store.update({ theme: 'dark' });
    expect(after.settings.theme).toBe('dark');
    expect(await fs.readFile(path.join(dir, 'settings.json'), 'utf8')).toBe(text);
  });

  it('reports invalid JSON and recovers on the next change', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, 'settings.json'), '{ nope');
    const store = new SettingsStore(dir);
    const first = await store.get();
    expect(first.notice).toMatch(/not valid JSON/);
    expect(first.settings).toEqual(defaultSettings());
    expect((await store.update({ fontSize: 14 })).notice).toBeUndefined();
  });
});
