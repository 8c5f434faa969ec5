import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** app.isPackaged: a shipped build has no devtools (they would expose every engine key). */
  packaged?: boolean;
}

/** Every Berthmaster window: isolated, sandboxed, no Node in the page. Pure so it can be tested. */
export function secureWindowOptions(
  preloadPath: string,
  { packaged = false }: WindowOptionsInput = {},
): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Berthmaster',
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !packaged,
    },
  };
}
