// `npm run dist`: build, then package with electron-builder. electron-builder fetches the Electron
// build for each target platform into its own cache (node_modules/electron/dist is never used), so
// nothing is checked first; when packaging fails, its own error stays on screen with one line of advice.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distAdvice } from './start-decision.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// Output passed through as it comes, and kept to tell a failed download from other failures.
const builder = spawn('npx', ['electron-builder', ...process.argv.slice(2)], {
  cwd: root,
  stdio: ['inherit', 'pipe', 'pipe'],
});
let output = '';
for (const [from, to] of [
  [builder.stdout, process.stdout],
  [builder.stderr, process.stderr],
]) {
  from.on('data', (d) => {
    to.write(d);
    output = (output + d.toString()).slice(-64 * 1024);
  });
}
builder.on('exit', (code, signal) => {
  if (code === 0) process.exit(0);
  console.error(distAdvice(output));
  process.exit(code ?? (signal ? 1 : 0));
});
