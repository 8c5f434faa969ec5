import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Newest modification time under a folder (or of a file). */
function newest(p) {
  const st = statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(p)) max = Math.max(max, newest(path.join(p, name)));
  return max;
}

/** Builds with electron-vite when sources are newer than the output; output shown only on failure. */
export function buildIfStale(root) {
  const built = Math.min(
    newest(path.join(root, 'out/main/web.js')),
    newest(path.join(root, 'out/renderer/index.html')),
  );
  const sources = Math.max(
    newest(path.join(root, 'src')),
    newest(path.join(root, 'electron.vite.config.ts')),
  );
  if (built && built >= sources) return;
  const r = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    console.error('Berthmaster: the build failed (see above).');
    process.exit(1);
  }
}
