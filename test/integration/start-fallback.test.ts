import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

// `npm start` with no Electron binary, for real: the fallback to browser mode. Each run is bounded:
// the download goes to a local mirror that answers 404 at once, and every wait has its own timer.
const root = path.resolve(import.meta.dirname, '../..');
const WAIT_MS = 90_000; // includes a rebuild when out/ is older than src/
let mirror: http.Server;
let mirrorUrl: string;
let mirrorHits = 0;
const temps: string[] = [];
let running: ChildProcess | undefined;

function tmp(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

beforeAll(async () => {
  mirror = http.createServer((_req, res) => {
    mirrorHits += 1;
    res.writeHead(404).end('not here');
  });
  await new Promise<void>((r) => mirror.listen(0, '127.0.0.1', r));
  mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/`;
});

afterEach(async () => {
  const child = running;
  running = undefined;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
});

afterAll(async () => {
  await new Promise((r) => mirror.close(r));
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** Runs scripts/start.mjs with no Electron binary and waits for its browser-mode URL. */
async function startWithoutElectron(env: Record<string, string>) {
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs'), '--no-open', '--port', '0'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: tmp('berthmaster-start-home-'),
      BERTHMASTER_CONFIG_DIR: tmp('berthmaster-start-config-'),
      // An empty dist: the binary is missing whatever this machine has installed.
      ELECTRON_OVERRIDE_DIST_PATH: tmp('berthmaster-no-electron-'),
      // An empty download cache, so a zip cached by an earlier install is not used.
      electron_config_cache: tmp('berthmaster-electron-cache-'),
      ELECTRON_MIRROR: mirrorUrl,
      BERTHMASTER_ELECTRON_FETCH_TIMEOUT_MS: '20000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running = child;
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no URL in ${WAIT_MS / 1000} s:\n${stdout}\n${stderr}`)),
      WAIT_MS,
    );
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /^Berthmaster web: (\S+)$/m.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`start exited with ${code}:\n${stdout}\n${stderr}`));
    });
  });
  return { url, stderr: () => stderr };
}

async function servesTheApp(url: string) {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  expect(res.status).toBe(200);
  expect(await res.text()).toMatch(/<title>Berthmaster<\/title>/);
}

describe('npm start without the Electron binary', () => {
  it(
    'tries Electron’s installer, and when the download fails starts browser mode and says why',
    async () => {
      const before = mirrorHits;
      const { url, stderr } = await startWithoutElectron({ DISPLAY: ':99' });
      expect(mirrorHits).toBeGreaterThan(before);
      expect(stderr()).toMatch(
        /^Berthmaster: starting in your browser instead of the desktop app, because the Electron binary could not be fetched: Electron's installer failed/m,
      );
      await servesTheApp(url);
    },
    WAIT_MS + 30_000,
  );

  it(
    'with ELECTRON_SKIP_BINARY_DOWNLOAD set, starts browser mode without downloading',
    async () => {
      const before = mirrorHits;
      const { url, stderr } = await startWithoutElectron({
        DISPLAY: ':99',
        ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
      });
      expect(mirrorHits).toBe(before);
      expect(stderr()).toMatch(
        /because the Electron binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set/,
      );
      await servesTheApp(url);
    },
    WAIT_MS + 30_000,
  );

  it(
    'without a display, starts browser mode without downloading',
    async () => {
      const before = mirrorHits;
      const { url, stderr } = await startWithoutElectron({});
      expect(mirrorHits).toBe(before);
      expect(stderr()).toMatch(/because there is no display \(DISPLAY and WAYLAND_DISPLAY are unset\)/);
      await servesTheApp(url);
    },
    WAIT_MS + 30_000,
  );
});
