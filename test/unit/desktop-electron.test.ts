import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '@shared/contract';
import { aboutDetail, buildMenuTemplate } from '../../src/main/electron/app-menu';
import type { AppContext } from '../../src/main/app/app-context';
import { appHandlers } from '../../src/main/services/app/handlers';
import { MenuCommands } from '../../src/main/services/app/menu-commands';
import type { StreamSink } from '../../src/main/rpc/handlers';
import {
  loadWindowState,
  restoreBounds,
  saveWindowState,
  type Rect,
} from '../../src/main/electron/window-state';

const limits = { width: 1280, height: 820, minWidth: 900, minHeight: 560 };
const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const external: Rect = { x: 1440, y: -200, width: 2560, height: 1400 };

describe('window bounds at restart', () => {
  it('centres a first window on the primary display', () => {
    expect(restoreBounds(undefined, [laptop], laptop, limits).bounds).toEqual({
      x: 80,
      y: 28,
      width: 1280,
      height: 820,
    });
  });

  it('keeps saved bounds that are on a display', () => {
    const saved = { bounds: { x: 1600, y: 0, width: 1500, height: 1000 }, maximized: true };
    expect(restoreBounds(saved, [laptop, external], laptop, limits)).toEqual(saved);
  });

  it('moves a window whose monitor is gone back onto the primary display, shrunk to fit', () => {
    const saved = { bounds: { x: 1600, y: 0, width: 2000, height: 1200 }, maximized: false };
    expect(restoreBounds(saved, [laptop], laptop, limits).bounds).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 875,
    });
  });

  it('pulls a window that hangs off an edge fully inside', () => {
    const saved = { bounds: { x: -300, y: 500, width: 1000, height: 700 }, maximized: false };
    expect(restoreBounds(saved, [laptop], laptop, limits).bounds).toEqual({
      x: 0,
      y: 175,
      width: 1000,
      height: 700,
    });
  });

  it('treats a title bar above the screen as unreachable', () => {
    const saved = { bounds: { x: 100, y: -900, width: 1000, height: 700 }, maximized: false };
    const r = restoreBounds(saved, [laptop], laptop, limits).bounds;
    expect(r).toEqual({ x: 220, y: 88, width: 1000, height: 700 });
  });

  it('never goes below the minimum size, unless the display is smaller', () => {
    const saved = { bounds: { x: 10, y: 10, width: 300, height: 200 }, maximized: false };
    expect(restoreBounds(saved, [laptop], laptop, limits).bounds).toMatchObject({ width: 900, height: 560 });
    const tiny: Rect = { x: 0, y: 0, width: 800, height: 500 };
    expect(restoreBounds(saved, [tiny], tiny, limits).bounds).toMatchObject({ width: 800, height: 500 });
  });

  it('saves and loads the state; a broken file means none', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-win-'));
    expect(await loadWindowState(dir)).toBeUndefined();
    const state = { bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: false };
    await saveWindowState(dir, state);
    expect(await loadWindowState(dir)).toEqual(state);
    await fs.writeFile(path.join(dir, 'window-state.json'), '{"bounds": {"x": "a"}}');
    expect(await loadWindowState(dir)).toBeUndefined();
  });
});

const labels = (t: MenuItemConstructorOptions[]) => t.map((m) => m.label ?? m.role);
const roles = (m: MenuItemConstructorOptions | undefined) =>
  ((m?.submenu ?? []) as MenuItemConstructorOptions[]).map((i) => i.role ?? i.label ?? i.type);

describe('app menu', () => {
  const about = { about: () => undefined };
  it('has File, Edit, View, Window, Help with standard roles on Linux and Windows', () => {
    const t = buildMenuTemplate({
      platform: 'linux',
      appName: 'Berthmaster',
      devTools: false,
      actions: about,
    });
    expect(labels(t)).toEqual(['File', 'Edit', 'View', 'Window', 'help']);
    expect(roles(t[0])).toEqual(['close', 'separator', 'quit']);
    expect(roles(t[1])).toEqual(['undo', 'redo', 'separator', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
    expect(roles(t[2])).not.toContain('toggleDevTools');
    expect(roles(t[2])).toContain('togglefullscreen');
    expect(roles(t[4])).toEqual(['About Berthmaster']);
  });

  it('adds the macOS app menu, devtools in development and docs when known', () => {
    let opened = 0;
    const t = buildMenuTemplate({
      platform: 'darwin',
      appName: 'Berthmaster',
      devTools: true,
      actions: { about: () => undefined, openDocs: () => opened++ },
    });
    expect(labels(t)).toEqual(['Berthmaster', 'File', 'Edit', 'View', 'Window', 'help']);
    expect(roles(t[0])).toEqual([
      'About Berthmaster',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    expect(roles(t[3])).toContain('toggleDevTools');
    expect(roles(t[4])).toContain('front');
    const docs = (t[5]?.submenu as MenuItemConstructorOptions[])[0];
    expect(docs?.label).toBe('Documentation');
    (docs?.click as () => void)();
    expect(opened).toBe(1);
  });

  it('puts Settings… and the contexts import in File on Linux and Windows', () => {
    const calls: string[] = [];
    const actions = {
      about: () => undefined,
      openSettings: () => calls.push('settings'),
      importContexts: () => calls.push('contexts'),
    };
    const t = buildMenuTemplate({ platform: 'win32', appName: 'Berthmaster', devTools: false, actions });
    const file = t[0]?.submenu as MenuItemConstructorOptions[];
    expect(roles(t[0])).toEqual([
      'Settings…',
      'separator',
      'Import Docker contexts…',
      'separator',
      'close',
      'separator',
      'quit',
    ]);
    expect(file[0]?.accelerator).toBe('CmdOrCtrl+,');
    (file[0]?.click as () => void)();
    (file[2]?.click as () => void)();
    expect(calls).toEqual(['settings', 'contexts']);
  });

  it('puts Settings… in the macOS app menu and the contexts import in File', () => {
    let settings = 0;
    const t = buildMenuTemplate({
      platform: 'darwin',
      appName: 'Berthmaster',
      devTools: false,
      actions: { about: () => undefined, openSettings: () => settings++, importContexts: () => undefined },
    });
    expect(roles(t[0]).slice(0, 4)).toEqual(['About Berthmaster', 'separator', 'Settings…', 'separator']);
    const item = (t[0]?.submenu as MenuItemConstructorOptions[])[2];
    expect(item?.accelerator).toBe('CmdOrCtrl+,');
    (item?.click as () => void)();
    expect(settings).toBe(1);
    expect(roles(t[1])).toEqual(['Import Docker contexts…', 'separator', 'close']);
  });

  it('About lists the runtime and each host engine', () => {
    const a = aboutDetail({
      appName: 'Berthmaster',
      appVersion: '0.1.0',
      versions: { electron: '45.5.0', node: '22.1.0', chrome: '140.0' },
      hosts: [
        { name: 'local', state: 'connected', engineVersion: '20.10.24', apiVersion: '1.41' },
        { name: 'prod', state: 'error' },
      ],
    });
    expect(a.message).toBe('Berthmaster 0.1.0');
    expect(a.detail).toBe(
      'Electron 45.5.0\nNode.js 22.1.0\nChromium 140.0\n\nDocker engines:\n  local: Docker 20.10.24 (API 1.41)\n  prod: not connected (error)',
    );
  });
});

function sinkInto(got: MenuCommand[]): StreamSink<MenuCommand> {
  return {
    emit: (e) => got.push(e) > 0,
    writable: async () => undefined,
    end: () => undefined,
    signal: new AbortController().signal,
  };
}

describe('app menu commands for the window (app.menu)', () => {
  it('reaches every subscribed window until it unsubscribes', async () => {
    const menu = new MenuCommands();
    const handlers = appHandlers({ menu } as unknown as AppContext);
    const got: MenuCommand[] = [];
    const stop = await handlers.menu({}, sinkInto(got));
    menu.emit({ type: 'showSettings' });
    menu.emit({ type: 'importContexts' });
    expect(got).toEqual([{ type: 'showSettings' }, { type: 'importContexts' }]);
    stop();
    menu.emit({ type: 'showSettings' });
    expect(got).toHaveLength(2);
  });

  it('stays silent without a menu (browser mode, tests)', async () => {
    const handlers = appHandlers({} as unknown as AppContext);
    const stop = await handlers.menu({}, sinkInto([]));
    expect(() => stop()).not.toThrow();
  });
});
