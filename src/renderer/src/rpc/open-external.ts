import { api } from './api';

/**
 * Opens a web link outside Berthmaster. In Electron it goes through main (`app.openExternal`), which
 * allows only http(s) links; in browser mode a new tab with no handle back on this one.
 */
export function openExternalLink(url: string): void {
  if (window.berthmaster) {
    api.app.openExternal({ url }).catch(() => undefined);
    return;
  }
  window.open(url, '_blank', 'noopener,noreferrer');
}
