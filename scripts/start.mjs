// `npm start`: the Electron app. Where no Electron binary is installed, say so plainly.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Not require('electron'): in recent versions that starts a download when the binary is missing.
function electronBinary() {
  const dir = path.join(root, 'node_modules', 'electron');
  try {
    const rel = readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const bin = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist'), rel);
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

if (!electronBinary()) {
  console.error(
    [
      'Berthmaster: the Electron binary is not installed on this machine, so the desktop app cannot start.',
      '  Reinstall with network access to the Electron release (npm install without ELECTRON_SKIP_BINARY_DOWNLOAD),',
      '  or run Berthmaster in your browser instead:  npm run web',
    ].join('\n'),
  );
  process.exit(1);
}

const child = spawn('npx', ['electron-vite', 'preview', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
