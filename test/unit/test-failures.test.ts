import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs script without types
import { errorGist, playwrightFailures, vitestFailures } from '../../scripts/test-failures.mjs';

describe('the failed tests npm test repeats above its summary', () => {
  it('names each failed Vitest test with its first error line, and a file that failed to load', () => {
    const report = {
      testResults: [
        {
          name: '/repo/test/integration/a.test.ts',
          status: 'failed',
          assertionResults: [
            { status: 'passed', fullName: 'ok' },
            {
              status: 'failed',
              fullName: 'copy as > go',
              failureMessages: ['\nError: Test timed out in 30000ms.\n  at x'],
            },
          ],
        },
        {
          name: '/repo/test/unit/b.test.ts',
          status: 'failed',
          message: 'SyntaxError: bad',
          assertionResults: [],
        },
        { name: '/repo/test/unit/c.test.ts', status: 'passed', assertionResults: [{ status: 'passed' }] },
      ],
    };
    expect(vitestFailures(report, '/repo')).toEqual([
      'vitest test/integration/a.test.ts > copy as > go: Error: Test timed out in 30000ms.',
      'vitest test/unit/b.test.ts: SyntaxError: bad',
    ]);
  });

  it('names Playwright tests that ended unexpected, through nested suites, not the flaky or skipped', () => {
    const report = {
      suites: [
        {
          title: 'stacks.spec.ts',
          specs: [],
          suites: [
            {
              title: 'compose stacks',
              specs: [
                {
                  title: 'plans',
                  tests: [{ status: 'unexpected', results: [{ error: { message: 'expect(x)\nline 2' } }] }],
                },
                { title: 'adopts', tests: [{ status: 'flaky', results: [] }] },
                { title: 'skipped', tests: [{ status: 'skipped', results: [] }] },
              ],
            },
          ],
        },
      ],
    };
    expect(playwrightFailures(report)).toEqual([
      'playwright stacks.spec.ts > compose stacks > plans: expect(x)',
    ]);
  });

  it('keeps what a failed command printed last, since its first line names only the command', () => {
    const message = [
      'Error: Command failed: docker-compose -p fid up -d',
      'Creating network "fid_default" with the default driver',
      'Creating volume "fid_data" with default driver',
      'Creating fid_db_1 ...',
      'ERROR: for db  Cannot start service db: port is already allocated',
      '    at ChildProcess.exithandler (node:child_process:422:12)',
    ].join('\n');
    expect(errorGist(message)).toBe(
      'Error: Command failed: docker-compose -p fid up -d — Creating volume "fid_data" with default driver / ' +
        'Creating fid_db_1 ... / ERROR: for db  Cannot start service db: port is already allocated',
    );
    expect(errorGist('Error: Command failed: true\n    at x')).toBe('Error: Command failed: true');
    expect(errorGist('AssertionError: expected 1 to be 2\n\n- Expected\n+ Received')).toBe(
      'AssertionError: expected 1 to be 2',
    );
  });
});
