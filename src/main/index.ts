import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, safeStorage, session, shell, type IpcMainEvent } from 'electron';
import { HELLO_CHANNEL, RPC_CHANNEL } from '@shared/rpc/ipc-channels';
import { createBackend, type Backend } from './app/backend';
import { prepareStartupConfig } from './startup-config';
import { ipcTransport } from './electron/ipc-transport';
import { safeStorageSecretBox } from './electron/safe-storage-box';
import { allowPermission, isAppUrl, isTrustedSender } from './electron/navigation-policy';
import { guardedOpenExternal } from './electron/open-external';
import { secureWindowOptions } from './electron/window-options';
import { initialWindowState, installAppMenu, rememberWindowState } from './electron/desktop-shell';
import type { Connection } from './rpc/dispatcher';

const here = path.dirname(fileURLToPath(import.meta.url));
const devUrl = process.env.ELECTRON_RENDERER_URL;
const appUrl = devUrl ?? `file://${path.join(here, '../renderer/index.html')}`;

// Every link that leaves the app goes through the http(s) allow-list (window.open and app.openExternal).
const openExternal = guardedOpenExternal((url) => shell.openExternal(url));

let backend: Backend | undefined;
const connections = new Map<number, { conn: Connection; close(): void }>();

function register(listener: (event: IpcMainEvent, message: unknown) => void) {
  const guarded = (event: IpcMainEvent, message: unknown) => {
    const frame = event.senderFrame;
    const trusted = isTrustedSender(
      { frameUrl: frame?.url, isMainFrame: frame !== null && frame === event.sender.mainFrame },
      appUrl,
    );
    if (trusted) listener(event, message);
  };
  ipcMain.on(RPC_CHANNEL, guarded);
  return () => {
    ipcMain.off(RPC_CHANNEL, guarded);
  };
}

function openConnection(event: IpcMainEvent) {
  if (!backend) return;
  const contents = event.sender;
  const frame = event.senderFrame;
  if (!isTrustedSender({ frameUrl: frame?.url, isMainFrame: frame === contents.mainFrame }, appUrl)) return;
  // A reload says hello again: the previous page's subscriptions end here.
  connections.get(contents.id)?.close();
  const transport = ipcTransport(contents, register, (reason) =>
    console.error(`[berthmaster] refused an IPC message: ${reason}`),
  );
  const conn = backend.dispatcher.connect(transport);
  const close = () => {
    transport.fireClose();
    connections.delete(contents.id);
  };
  connections.set(contents.id, { conn, close });
  contents.once('destroyed', close);
  contents.once('render-process-gone', close);
}

// Before `ready`: the config folder (migrated from the old product name once) and, when old
// secrets were sealed by the OS keychain under that name, the same keychain identity.
const startup = prepareStartupConfig((msg) => console.log(`[berthmaster] ${msg}`));
const configDir = startup.configDir;
app.setPath('userData', configDir);
if (startup.keychainName) app.setName(startup.keychainName);

async function createWindow() {
  const options = secureWindowOptions(path.join(here, '../preload/index.cjs'), { packaged: app.isPackaged });
  // Last session's size and place, kept on a display that still exists.
  const placed = await initialWindowState(configDir, {
    width: options.width ?? 1280,
    height: options.height ?? 820,
    minWidth: options.minWidth ?? 900,
    minHeight: options.minHeight ?? 560,
  });
  const win = new BrowserWindow({ ...options, ...placed.bounds });
  rememberWindowState(win, configDir);
  win.once('ready-to-show', () => {
    if (placed.maximized) win.maximize();
    win.show();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  void win.loadURL(appUrl);
}

async function start() {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(allowPermission(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => allowPermission(permission));
  backend = await createBackend({
    configDir,
    secrets: safeStorageSecretBox(safeStorage, process.env.BERTHMASTER_ALLOW_BASIC_TEXT_SECRETS === '1'),
    openExternal,
  });
  ipcMain.on(HELLO_CHANNEL, openConnection);
  installAppMenu({
    backend: () => backend,
    devTools: !app.isPackaged,
    openExternal,
  });
  await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => {
  for (const c of connections.values()) c.close();
  backend?.dispose();
});

start().catch((e: unknown) => {
  console.error('Berthmaster failed to start:', e);
  app.exit(1);
});
