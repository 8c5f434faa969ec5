// What `npm start` does, as pure functions of what it found: start Electron, fetch Electron's
// binary first, or fall back to browser mode with a one-line reason. No I/O here (unit-tested).

/** Splits our own flags from those passed on to the app (e.g. `--port 0` for browser mode). */
export function parseStartArgs(argv) {
  const rest = [];
  let forceWeb = false;
  let open = true;
  for (const a of argv) {
    if (a === '--web') forceWeb = true;
    else if (a === '--no-open') open = false;
    else rest.push(a);
  }
  return { forceWeb, open, rest };
}

/**
 * Whether a window can open: on Linux and the BSDs Electron needs an X11 or Wayland display;
 * macOS and Windows always have one for a logged-in user.
 */
export function hasDisplay(platform, env) {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * The next step. `fetch` is the outcome of fetching the binary (absent until tried), `launch` the
 * outcome of starting Electron. ELECTRON_SKIP_BINARY_DOWNLOAD keeps its old meaning from Electron's
 * install script ("never download the binary"): with no binary, browser mode starts at once, the
 * fast, offline path for CI.
 *
 * @param {{ forceWeb: boolean; platform: string; env: Record<string, string | undefined>;
 *   binaryPresent: boolean; fetch?: { ok: true } | { ok: false; reason: string };
 *   launch?: { ok: false; reason: string } }} s
 * @returns {{ action: 'electron' } | { action: 'fetch' } | { action: 'web'; reason: string }}
 */
export function decideStart(s) {
  if (s.forceWeb) return { action: 'web', reason: 'browser mode was asked for (--web).' };
  if (s.launch && !s.launch.ok)
    return { action: 'web', reason: `the desktop app could not start: ${s.launch.reason}.` };
  if (!hasDisplay(s.platform, s.env)) {
    return {
      action: 'web',
      reason:
        'there is no display (DISPLAY and WAYLAND_DISPLAY are unset), so the desktop window cannot open.',
    };
  }
  if (s.binaryPresent) return { action: 'electron' };
  if (s.fetch?.ok) return { action: 'electron' };
  if (s.fetch)
    return { action: 'web', reason: `the Electron binary could not be fetched: ${s.fetch.reason}.` };
  if (s.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return {
      action: 'web',
      reason: 'the Electron binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set.',
    };
  }
  return { action: 'fetch' };
}

/** The command that opens a URL in the default browser, or undefined where there is none. */
export function openCommand(platform, url, has) {
  if (platform === 'darwin') return has('open') ? ['open', [url]] : undefined;
  // `start` is a cmd built-in; its first quoted argument is the window title.
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  return has('xdg-open') ? ['xdg-open', [url]] : undefined;
}

/** Where Electron's installer downloads from: ELECTRON_MIRROR as @electron/get reads it, else GitHub. */
export function electronDownloadHost(env) {
  const mirror = env.ELECTRON_MIRROR || env.npm_config_electron_mirror;
  try {
    const u = new URL(mirror || 'https://github.com/');
    return { host: u.hostname, port: Number(u.port) || (u.protocol === 'http:' ? 80 : 443) };
  } catch {
    return { host: 'github.com', port: 443 };
  }
}

/** One line of advice after electron-builder failed, when its output says a download failed. */
export function distAdvice(output) {
  if (
    /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|getaddrinfo|unable to download|cannot download|download failed|status code 40[34]/i.test(
      output,
    )
  ) {
    return "Berthmaster dist: packaging needs to download the Electron build for each target (into electron-builder's cache); connect to the network, or set ELECTRON_MIRROR / ELECTRON_BUILDER_CACHE to a mirror or a filled cache, then run npm run dist again.";
  }
  return 'Berthmaster dist: electron-builder failed (its error is above); see docs/troubleshooting.md, "npm run dist".';
}
