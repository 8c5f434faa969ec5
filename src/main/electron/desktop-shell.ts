import { app, dialog, Menu, screen, type BrowserWindow } from 'electron';
import { PRODUCT_NAME } from '@shared/product';
import type { Backend } from '../app/backend';
import { aboutDetail, buildMenuTemplate } from './app-menu';
import {
  loadWindowState,
  restoreBounds,
  saveWindowState,
  type WindowLimits,
  type WindowState,
} from './window-state';

/** The glue between Electron and the pure modules: the app menu, About, and window placement. */
export function installAppMenu(opts: {
  backend: () => Backend | undefined;
  devTools: boolean;
  openExternal(url: string): Promise<void>;
  /** package.json "homepage", when the project has one. */
  docsUrl?: string;
}): void {
  const { docsUrl } = opts;
  const template = buildMenuTemplate({
    platform: process.platform,
    appName: PRODUCT_NAME,
    devTools: opts.devTools,
    actions: {
      about: () => {
        const snap = opts.backend()?.hosts.snapshot();
        const hosts = (snap?.hosts ?? []).map((h) => {
          const st = snap?.statuses[h.id];
          return {
            name: h.name,
            state: st?.state ?? 'unknown',
            ...(st?.engine
              ? { engineVersion: st.engine.engineVersion, apiVersion: st.engine.apiVersion }
              : {}),
          };
        });
        const { message, detail } = aboutDetail({
          appName: PRODUCT_NAME,
          appVersion: app.getVersion(),
          versions: process.versions,
          hosts,
        });
        void dialog.showMessageBox({
          type: 'info',
          title: `About ${PRODUCT_NAME}`,
          message,
          detail,
          buttons: ['OK'],
        });
      },
      openSettings: () => opts.backend()?.menu.emit({ type: 'showSettings' }),
      importContexts: () => opts.backend()?.menu.emit({ type: 'importContexts' }),
      ...(docsUrl ? { openDocs: () => void opts.openExternal(docsUrl).catch(() => undefined) } : {}),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Bounds for a new window: last time's, kept on a display that still exists. */
export async function initialWindowState(configDir: string, limits: WindowLimits): Promise<WindowState> {
  const saved = await loadWindowState(configDir);
  const areas = screen.getAllDisplays().map((d) => d.workArea);
  return restoreBounds(saved, areas, screen.getPrimaryDisplay().workArea, limits);
}

/** Saves the window's normal (not maximized) bounds when it moves, resizes or closes. */
export function rememberWindowState(win: BrowserWindow, configDir: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    saveWindowState(configDir, state).catch(() => undefined);
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', save);
  win.on('unmaximize', save);
  win.on('close', () => {
    if (timer) clearTimeout(timer);
    save();
  });
}
