/** Only web links leave the terminal; javascript:, file:, data: and the like never open. */
export function safeLink(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

export interface LinkClick {
  ctrlKey: boolean;
  metaKey: boolean;
}

/**
 * Opens a link from terminal output: only http(s), and only on Ctrl/Cmd+click so a stray click on
 * text a program printed opens nothing. The opener gets no handle on this window.
 */
export function openTerminalLink(
  event: LinkClick,
  uri: string,
  open: (url: string, target: string, features: string) => unknown,
): boolean {
  if (!event.ctrlKey && !event.metaKey) return false;
  const href = safeLink(uri);
  if (!href) return false;
  open(href, '_blank', 'noopener,noreferrer');
  return true;
}
