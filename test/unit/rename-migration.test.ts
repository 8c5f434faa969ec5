import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withLegacyEnvAliases } from '../../src/main/legacy/env-aliases';
import {
  legacyConfigDir,
  legacyKeychainName,
  migrateLegacyConfig,
  MIGRATION_MARKER,
} from '../../src/main/legacy/migrate-config';
import { defaultConfigDir } from '../../src/main/config-dir';
import { migrateLegacyStorage } from '../../src/renderer/src/lib/legacy-storage';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'berthmaster-unit-rename-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function legacyFolder(dir: string, files: Record<string, string>) {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

describe('config folder names', () => {
  it('uses Berthmaster folders and BERTHMASTER_CONFIG_DIR; knows where Dockhand kept its files', () => {
    const home = '/home/u';
    expect(defaultConfigDir({}, 'linux')).toMatch(/\.config\/Berthmaster$/);
    expect(defaultConfigDir({ BERTHMASTER_CONFIG_DIR: '/x' }, 'linux')).toBe('/x');
    expect(legacyConfigDir({}, 'linux', home)).toBe('/home/u/.config/Dockhand');
    expect(legacyConfigDir({ XDG_CONFIG_HOME: '/c' }, 'linux', home)).toBe('/c/Dockhand');
    expect(legacyConfigDir({}, 'darwin', home)).toBe('/home/u/Library/Application Support/Dockhand');
    expect(legacyConfigDir({ APPDATA: 'C:\\R' }, 'win32', home)).toBe(path.join('C:\\R', 'Dockhand'));
    expect(legacyConfigDir({ DOCKHAND_CONFIG_DIR: '/old' }, 'linux', home)).toBe('/old');
  });
});

describe('migrating a Dockhand config folder', () => {
  const log = () => undefined;

  it('copies from DOCKHAND_CONFIG_DIR into the new folder, once, leaving the old one alone', () => {
    const from = path.join(tmp, 'old');
    legacyFolder(from, {
      'hosts.json': '{"version":1}',
      'secrets.key': 'k',
      'contexts/meta/a/meta.json': '{}',
    });
    const target = path.join(tmp, 'new', 'Berthmaster');
    const notes: string[] = [];
    const r = migrateLegacyConfig({ target, env: { DOCKHAND_CONFIG_DIR: from }, log: (m) => notes.push(m) });
    expect(r).toMatchObject({ migrated: true, from, keychainSealed: false });
    expect(fs.readFileSync(path.join(target, 'hosts.json'), 'utf8')).toBe('{"version":1}');
    expect(fs.readFileSync(path.join(target, 'contexts/meta/a/meta.json'), 'utf8')).toBe('{}');
    expect(fs.existsSync(path.join(from, 'hosts.json'))).toBe(true);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['Berthmaster']);
    expect(notes).toHaveLength(1);
    // The user changes something; a second start must not overwrite it.
    fs.writeFileSync(path.join(target, 'hosts.json'), '{"version":1,"changed":true}');
    expect(migrateLegacyConfig({ target, env: { DOCKHAND_CONFIG_DIR: from }, log }).migrated).toBe(false);
    expect(fs.readFileSync(path.join(target, 'hosts.json'), 'utf8')).toContain('changed');
  });

  it('does nothing without a legacy folder, and never merges into a folder that has a config', () => {
    const target = path.join(tmp, 'Berthmaster');
    expect(
      migrateLegacyConfig({ target, env: { DOCKHAND_CONFIG_DIR: path.join(tmp, 'none') }, log }),
    ).toEqual({
      migrated: false,
    });
    const from = path.join(tmp, 'old');
    legacyFolder(from, { 'hosts.json': 'old' });
    legacyFolder(target, { 'settings.json': 'mine' });
    const notes: string[] = [];
    const r = migrateLegacyConfig({ target, env: { DOCKHAND_CONFIG_DIR: from }, log: (m) => notes.push(m) });
    expect(r.migrated).toBe(false);
    expect(r.skipped).toContain('already holds a configuration');
    expect(notes[0]).toContain('Not migrating');
    expect(fs.existsSync(path.join(target, 'hosts.json'))).toBe(false);
  });

  it('keeps files Electron made in the new folder first, and notes keychain-sealed secrets', () => {
    const from = path.join(tmp, 'old');
    legacyFolder(from, { 'hosts.json': '{"key":"safestorage:v1:AAAA"}', 'Local State': 'old' });
    const target = path.join(tmp, 'Berthmaster');
    legacyFolder(target, { 'Local State': 'electron' });
    const r = migrateLegacyConfig({ target, env: { DOCKHAND_CONFIG_DIR: from }, log });
    expect(r).toMatchObject({ migrated: true, keychainSealed: true });
    expect(fs.readFileSync(path.join(target, 'Local State'), 'utf8')).toBe('electron');
    expect(legacyKeychainName(target)).toBe('Dockhand');
    expect(JSON.parse(fs.readFileSync(path.join(target, MIGRATION_MARKER), 'utf8'))).toMatchObject({ from });
  });

  it('a copy that fails part-way leaves no marker and no staging folder, so the next start tries again', async () => {
    const from = path.join(tmp, 'old');
    legacyFolder(from, { 'hosts.json': '{}', 'audit.jsonl': 'x\n' });
    // Node's copy refuses sockets: the copy fails after some files were copied.
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(from, 'zz.sock'), resolve));
    const target = path.join(tmp, 'Berthmaster');
    try {
      expect(() => migrateLegacyConfig({ target, env: { DOCKHAND_CONFIG_DIR: from }, log })).toThrow(
        /socket/i,
      );
    } finally {
      server.close();
    }
    expect(fs.readdirSync(tmp).sort()).toEqual(['old']);
    fs.rmSync(path.join(from, 'zz.sock'), { force: true });
    expect(migrateLegacyConfig({ target, env: { DOCKHAND_CONFIG_DIR: from }, log }).migrated).toBe(true);
  });
});

describe('legacy environment variables', () => {
  it('reads DOCKHAND_X as BERTHMASTER_X unless the new one is set, with a note each', () => {
    const { env, notes } = withLegacyEnvAliases({
      DOCKHAND_ALLOW_BASIC_TEXT_SECRETS: '1',
      DOCKHAND_RENDERER_DIR: '/old',
      BERTHMASTER_RENDERER_DIR: '/new',
      DOCKHAND_CONFIG_DIR: '/cfg',
    });
    expect(env.BERTHMASTER_ALLOW_BASIC_TEXT_SECRETS).toBe('1');
    expect(env.BERTHMASTER_RENDERER_DIR).toBe('/new');
    expect(env.BERTHMASTER_CONFIG_DIR).toBeUndefined();
    expect(notes).toEqual([
      'DOCKHAND_ALLOW_BASIC_TEXT_SECRETS is read as BERTHMASTER_ALLOW_BASIC_TEXT_SECRETS; please rename it.',
    ]);
  });
});

describe('renderer preferences under old keys', () => {
  function memoryStorage(init: Record<string, string>): Storage {
    const m = new Map(Object.entries(init));
    return {
      get length() {
        return m.size;
      },
      key: (i) => [...m.keys()][i] ?? null,
      getItem: (k) => m.get(k) ?? null,
      setItem: (k, v) => void m.set(k, v),
      removeItem: (k) => void m.delete(k),
      clear: () => m.clear(),
    };
  }

  it('moves dockhand.* keys to berthmaster.* once; a new key already set wins', () => {
    const s = memoryStorage({
      'dockhand.theme': 'dark',
      'dockhand.terminal.tabs': '[1]',
      'berthmaster.terminal.tabs': '[2]',
      other: 'x',
    });
    expect(migrateLegacyStorage(s)).toBe(2);
    expect(s.getItem('berthmaster.theme')).toBe('dark');
    expect(s.getItem('berthmaster.terminal.tabs')).toBe('[2]');
    expect(s.getItem('dockhand.theme')).toBeNull();
    expect(s.getItem('other')).toBe('x');
    expect(migrateLegacyStorage(s)).toBe(0);
  });
});
