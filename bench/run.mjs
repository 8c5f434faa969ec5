// `npm run bench`: build the app into out-bench, run every scenario, write BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeReport } from './report.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.env.BERTHMASTER_OUT_DIR ?? 'out-bench';
const results = path.join(root, outDir, 'bench-results.jsonl');
const env = {
  ...process.env,
  BERTHMASTER_OUT_DIR: outDir,
  BENCH_RESULTS: results,
  BENCH_LOAD_START: os.loadavg()[0].toFixed(2),
};
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

// BENCH_NO_BUILD=1 reuses an existing build (e.g. to bench the same code twice).
if (!(process.env.BENCH_NO_BUILD === '1' && existsSync(path.join(root, outDir, 'main/web.js')))) {
  const build = spawnSync(npx, ['electron-vite', 'build', '--outDir', outDir], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
rmSync(results, { force: true });

// Extra arguments go to Playwright, e.g. `npm run bench -- specs/01-list.bench.ts`.
const run = spawnSync(
  npx,
  ['playwright', 'test', '--config', 'bench/playwright.config.ts', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env,
  },
);
process.env.BENCH_LOAD_START = env.BENCH_LOAD_START;
writeReport(root, results);
process.exit(run.status ?? 1);
