// `npm start`: the desktop app, fetching Electron's binary first when it is missing (Electron 45
// downloads it lazily, so a fresh `npm install` has none); browser mode where Electron cannot be
// fetched or cannot run. What to do is decided in start-decision.mjs; this file does the I/O.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';
import {
  decideStart,
  electronDownloadHost,
  hasDisplay,
  openCommand,
  parseStartArgs,
} from './start-decision.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
/** Reaching the download host is checked first, so an offline or firewalled machine falls back at once. */
const REACH_TIMEOUT_MS = 5_000;
/** The whole download (about 100 MB); a stalled one ends here and browser mode starts. */
const FETCH_TIMEOUT_MS = Number(process.env.BERTHMASTER_ELECTRON_FETCH_TIMEOUT_MS) || 10 * 60_000;
/** Electron failing within this long (no libraries, display refused) means it cannot run here. */
const EARLY_EXIT_MS = 5_000;

// Not require('electron'): that starts a download, unbounded and without a fallback.
function electronBinary() {
  try {
    const rel = readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
    const bin = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist'), rel);
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

function reachable({ host, port }) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: REACH_TIMEOUT_MS });
    const done = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.once('connect', () => done({ ok: true }));
    socket.once('timeout', () =>
      done({ ok: false, reason: `${host}:${port} did not answer in ${REACH_TIMEOUT_MS / 1000} s` }),
    );
    socket.once('error', (e) =>
      done({ ok: false, reason: `cannot reach ${host}:${port} (${e.code ?? e.message})` }),
    );
  });
}

/** Runs Electron's own installer (node_modules/electron/install.js), its progress on this terminal. */
async function fetchElectron() {
  const reach = await reachable(electronDownloadHost(process.env));
  if (!reach.ok) return reach;
  console.error('Berthmaster: fetching the Electron binary (first start only)...');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(electronDir, 'install.js')], {
      cwd: root,
      stdio: 'inherit',
    });
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      resolve({
        ok: false,
        reason: `the download did not finish in ${Math.round(FETCH_TIMEOUT_MS / 1000)} s`,
      });
    }, FETCH_TIMEOUT_MS);
    child.once('error', (e) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: e.message });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0 && electronBinary()) resolve({ ok: true });
      else resolve({ ok: false, reason: `Electron's installer failed (exit ${code}, its error is above)` });
    });
  });
}

/** Resolves with a failure only when Electron could not start; otherwise exits with Electron. */
function runElectron(bin, rest) {
  buildIfStale(root);
  const started = Date.now();
  const child = spawn(bin, ['.', ...rest], { cwd: root, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  return new Promise((resolve) => {
    child.once('error', (e) => resolve({ ok: false, reason: e.message }));
    child.once('exit', (code, signal) => {
      if (code && Date.now() - started < EARLY_EXIT_MS)
        resolve({ ok: false, reason: `Electron exited with code ${code}` });
      else process.exit(code ?? (signal ? 1 : 0));
    });
  });
}

function onPath(cmd) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    try {
      accessSync(path.join(dir, cmd), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

/** Opens the default browser when there is one; never fails when there is none. */
function openBrowser(url) {
  const cmd = openCommand(process.platform, url, onPath);
  if (!cmd) return;
  try {
    const child = spawn(cmd[0], cmd[1], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // no browser: the URL is printed above
  }
}

/** The same as `npm run web`, plus opening the browser once the URL is known. */
function runWeb(reason, { forceWeb, open, rest }) {
  console.error(`Berthmaster: starting in your browser instead of the desktop app, because ${reason}`);
  if (!forceWeb)
    console.error('  (docs/troubleshooting.md, "Desktop app does not start", says what to do about it.)');
  buildIfStale(root);
  const child = spawn(process.execPath, [path.join(root, 'out/main/web.js'), ...rest], {
    cwd: root,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  let out = '';
  // Without a display (a Linux server over SSH) xdg-open would only find a text browser.
  let opened = !open || !hasDisplay(process.platform, process.env);
  child.stdout.on('data', (d) => {
    process.stdout.write(d);
    if (opened) return;
    out += d.toString();
    const m = /^Berthmaster web: (\S+)$/m.exec(out);
    if (m) {
      opened = true;
      openBrowser(m[1]);
    }
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const args = parseStartArgs(process.argv.slice(2));
const state = {
  forceWeb: args.forceWeb,
  platform: process.platform,
  env: process.env,
  binaryPresent: Boolean(electronBinary()),
};
let next = decideStart(state);
if (next.action === 'fetch') {
  state.fetch = await fetchElectron();
  next = decideStart(state);
}
if (next.action === 'electron') {
  state.launch = await runElectron(electronBinary(), args.rest);
  next = decideStart(state);
}
if (next.action === 'web') runWeb(next.reason, args);
