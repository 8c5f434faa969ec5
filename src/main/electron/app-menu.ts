import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  about(): void;
  /** Opens the documentation in the browser; no menu item without it. */
  openDocs?: () => void;
  /** Shows the Settings page; no menu item without it. */
  openSettings?: () => void;
  /** Opens the "Import Docker contexts" dialog; no menu item without it. */
  importContexts?: () => void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Developer tools only in development builds (packaged ones have none: window-options). */
  devTools: boolean;
  actions: MenuActions;
}

/**
 * The application menu: File, Edit, View, Window, Help with Electron's standard roles (so
 * copy/paste, zoom, full screen and window management behave as on every other app), plus the
 * macOS app menu. Pure: index.ts passes the result to Menu.buildFromTemplate.
 */
export function buildMenuTemplate({
  platform,
  appName,
  devTools,
  actions,
}: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: () => actions.about() };
  // Where each platform's users look for it: the app menu on macOS, File elsewhere.
  const settings: MenuItemConstructorOptions[] = actions.openSettings
    ? [{ label: 'Settings…', accelerator: 'CmdOrCtrl+,', click: actions.openSettings }, { type: 'separator' }]
    : [];
  const imports: MenuItemConstructorOptions[] = actions.importContexts
    ? [{ label: 'Import Docker contexts…', click: actions.importContexts }, { type: 'separator' }]
    : [];
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: appName,
      submenu: [
        about,
        { type: 'separator' },
        ...settings,
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: 'File',
      submenu: mac
        ? [...imports, { role: 'close' }]
        : [...settings, ...imports, { role: 'close' }, { type: 'separator' }, { role: 'quit' }],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
        { role: 'delete' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'forceReload' },
        ...(devTools ? [{ role: 'toggleDevTools' } as const] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Window',
      submenu: mac
        ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
        : [{ role: 'minimize' }, { role: 'zoom' }, { role: 'close' }],
    },
    {
      role: 'help',
      submenu: [
        ...(actions.openDocs ? [{ label: 'Documentation', click: actions.openDocs }] : []),
        ...(mac ? [] : [about]),
      ],
    },
  );
  return template;
}

export interface AboutInput {
  appName: string;
  appVersion: string;
  versions: { electron?: string; node?: string; chrome?: string };
  hosts: Array<{ name: string; engineVersion?: string; apiVersion?: string; state: string }>;
}

/** The About box's text: the app, its runtime, and the engine behind each host. */
export function aboutDetail({ appName, appVersion, versions, hosts }: AboutInput): {
  message: string;
  detail: string;
} {
  const lines = [
    `Electron ${versions.electron ?? 'unknown'}`,
    `Node.js ${versions.node ?? 'unknown'}`,
    `Chromium ${versions.chrome ?? 'unknown'}`,
  ];
  if (hosts.length > 0) {
    lines.push('', 'Docker engines:');
    for (const h of hosts) {
      lines.push(
        h.engineVersion
          ? `  ${h.name}: Docker ${h.engineVersion} (API ${h.apiVersion ?? '?'})`
          : `  ${h.name}: not connected (${h.state})`,
      );
    }
  }
  return { message: `${appName} ${appVersion}`, detail: lines.join('\n') };
}
