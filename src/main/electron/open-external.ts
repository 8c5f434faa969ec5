import { AppError } from '@shared/contract';

/** Longer than any real link; stops a megabyte "URL" from reaching the OS URL handler. */
export const MAX_EXTERNAL_URL = 2048;

export type ExternalUrlVerdict = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Which links may leave the app for the system browser. shell.openExternal hands a URL to the OS,
 * where file:, smb:, javascript: or a custom scheme can run programs or leak credentials (NTLM
 * over smb:), so only plain http(s) links pass: no credentials in them, no control characters.
 */
export function checkExternalUrl(raw: string): ExternalUrlVerdict {
  if (raw.length > MAX_EXTERNAL_URL) return { ok: false, reason: 'the link is too long' };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) return { ok: false, reason: 'the link contains control characters' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'it is not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `only http and https links open outside Berthmaster, not ${url.protocol}` };
  }
  if (url.username || url.password) return { ok: false, reason: 'the link carries a user name or password' };
  if (!url.hostname) return { ok: false, reason: 'the link has no host' };
  return { ok: true, url: url.href };
}

/** Wraps shell.openExternal so every caller goes through the allow-list; refusals are typed. */
export function guardedOpenExternal(open: (url: string) => Promise<void>): (url: string) => Promise<void> {
  return async (raw) => {
    const verdict = checkExternalUrl(raw);
    if (!verdict.ok) {
      throw new AppError({
        code: 'INVALID_INPUT',
        message: `Berthmaster did not open that link: ${verdict.reason}.`,
      });
    }
    await open(verdict.url);
  };
}
