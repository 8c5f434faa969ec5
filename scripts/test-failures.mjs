// The failed tests of a Vitest or Playwright JSON report, one line each (name and the error's gist).
import path from 'node:path';

/**
 * The error's first line; for a command that failed (Node's "Command failed: …"), also the last
 * lines it printed before the stack, where its own error is: CI keeps only this summary.
 */
export function errorGist(text) {
  const lines = String(text ?? '').split('\n');
  const stack = lines.findIndex((l) => /^\s+at /.test(l));
  const message = (stack === -1 ? lines : lines.slice(0, stack)).map((l) => l.trim()).filter(Boolean);
  const [first = '', ...rest] = message;
  if (!/Command failed:/.test(first) || rest.length === 0) return first;
  return `${first} — ${rest.slice(-3).join(' / ')}`.slice(0, 600);
}

/** Failed tests, and files that failed without running a test (a load error). */
export function vitestFailures(report, root) {
  const out = [];
  for (const f of report.testResults ?? []) {
    const file = path.relative(root, f.name);
    const bad = (f.assertionResults ?? []).filter((a) => a.status === 'failed');
    if (f.status === 'failed' && bad.length === 0) out.push(`vitest ${file}: ${errorGist(f.message)}`);
    for (const a of bad) out.push(`vitest ${file} > ${a.fullName}: ${errorGist(a.failureMessages?.[0])}`);
  }
  return out;
}

/** Tests whose final result was unexpected (a retry that passed counts as flaky, not failed). */
export function playwrightFailures(report) {
  const out = [];
  const walk = (suites, titles) => {
    for (const suite of suites) {
      const here = suite.title ? [...titles, suite.title] : titles;
      for (const spec of suite.specs ?? []) {
        for (const t of spec.tests ?? []) {
          if (t.status !== 'unexpected') continue;
          out.push(
            `playwright ${[...here, spec.title].join(' > ')}: ${errorGist(t.results?.at(-1)?.error?.message)}`,
          );
        }
      }
      walk(suite.suites ?? [], here);
    }
  };
  walk(report.suites ?? [], []);
  return out;
}
