// The failed tests of a Vitest or Playwright JSON report, one line each (name and first error line).
import path from 'node:path';

const firstLine = (text) =>
  String(text ?? '')
    .split('\n')
    .find((l) => l.trim())
    ?.trim() ?? '';

/** Failed tests, and files that failed without running a test (a load error). */
export function vitestFailures(report, root) {
  const out = [];
  for (const f of report.testResults ?? []) {
    const file = path.relative(root, f.name);
    const bad = (f.assertionResults ?? []).filter((a) => a.status === 'failed');
    if (f.status === 'failed' && bad.length === 0) out.push(`vitest ${file}: ${firstLine(f.message)}`);
    for (const a of bad) out.push(`vitest ${file} > ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
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
            `playwright ${[...here, spec.title].join(' > ')}: ${firstLine(t.results?.at(-1)?.error?.message)}`,
          );
        }
      }
      walk(suite.suites ?? [], here);
    }
  };
  walk(report.suites ?? [], []);
  return out;
}
