// `npm test`: lab up, then unit + integration (Vitest) and end-to-end (Playwright), one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';
import { playwrightFailures, vitestFailures } from './test-failures.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, 'test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
// Names of failed tests, printed again just above the summary: CI keeps only the output's tail.
const failures = [];
const add = (suite, passed, failed, skipped) => {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  console.log(`[test] ${suite}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
};

function run(cmd, args, env = {}) {
  console.log(`[test] $ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status;
}

// 1. The lab: real engines, registry, sshd. Idempotent and quick when already up.
if (process.env.BERTHMASTER_SKIP_LAB !== '1') {
  if (run('bash', ['e2e/lab/up.sh']) !== 0) {
    console.log('[test] the test lab did not come up');
    add('lab', 0, 1, 0);
  }
}

// 2. Vitest: unit and integration projects.
const vitestJson = path.join(reports, 'vitest.json');
const vitestStatus = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  // A file that failed to load has no tests but counts as a failure.
  const brokenFiles = (r.testResults ?? []).filter(
    (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
  ).length;
  const failed = r.numFailedTests + brokenFiles;
  failures.push(...vitestFailures(r, root));
  // A run that failed without a failed test (a crash, a config error) is still a failure.
  add(
    'vitest',
    r.numPassedTests,
    failed || (vitestStatus !== 0 ? 1 : 0),
    r.numPendingTests + (r.numTodoTests ?? 0),
  );
} else {
  add('vitest', 0, 1, 0);
}

// 3. Build, then Playwright against browser mode in Debian's Chromium.
buildIfStale(root);
const pwJson = path.join(reports, 'playwright.json');
const pwStatus = run('npx', ['playwright', 'test']);
if (existsSync(pwJson)) {
  const report = JSON.parse(readFileSync(pwJson, 'utf8'));
  const s = report.stats ?? {};
  failures.push(...playwrightFailures(report));
  const passed = (s.expected ?? 0) + (s.flaky ?? 0);
  // Specs that fail to load run no test and report nothing unexpected: that is a failure too.
  const broken = pwStatus !== 0 || passed === 0 ? 1 : 0;
  add('playwright', passed, (s.unexpected ?? 0) || broken, s.skipped ?? 0);
} else {
  add('playwright', 0, 1, 0);
}

for (const f of failures) console.log(`[test] FAILED ${f}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
