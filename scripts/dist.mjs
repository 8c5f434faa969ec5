// `npm run dist`: build, then package with electron-builder. Packaging needs the Electron binary
// (electron-builder copies it into the app); where it is missing, say so in one line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Not require('electron'): in recent versions that starts a download when the binary is missing. */
function electronInstalled() {
  const dir = path.join(root, 'node_modules', 'electron');
  try {
    const rel = readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    return existsSync(path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist'), rel));
  } catch {
    return false;
  }
}

if (!electronInstalled()) {
  console.error(
    'Berthmaster dist: the Electron binary is not installed (node_modules/electron/dist is missing), so nothing can be packaged; reinstall with network access (npm install without ELECTRON_SKIP_BINARY_DOWNLOAD).',
  );
  process.exit(1);
}

for (const [cmd, args] of [
  ['npx', ['electron-vite', 'build']],
  ['npx', ['electron-builder', ...process.argv.slice(2)]],
]) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
