/** Decisions for navigation, new windows, external links and IPC senders. Pure: no Electron. */

/** The renderer may only ever show the app's own page. */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const u = new URL(url);
    const a = new URL(appUrl);
    if (a.protocol === 'file:') return u.protocol === 'file:' && u.pathname === a.pathname;
    return u.origin === a.origin;
  } catch {
    return false;
  }
}

/** Links the user clicks open in the system browser, but only plain web links. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password;
  } catch {
    return false;
  }
}

export interface SenderInfo {
  /** URL of the frame that sent the message; undefined if the frame is gone. */
  frameUrl: string | undefined;
  isMainFrame: boolean;
}

/** IPC is accepted only from the top-level frame of the app's own page. */
export function isTrustedSender(sender: SenderInfo, appUrl: string): boolean {
  return sender.isMainFrame && sender.frameUrl !== undefined && isAppUrl(sender.frameUrl, appUrl);
}

/** Desktop notifications (exits, unhealthy containers) are the one permission the app uses. */
export function allowPermission(permission: string): boolean {
  return permission === 'notifications';
}
