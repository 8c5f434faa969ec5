import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { benchName, docker, lab } from '../support/bench-objects';
import { record, secs } from '../support/results';
import { openContainerTab } from '../support/open-container';
import { startServer, type BenchServer } from '../support/server';
import { jsHeapUsed, longTasks, observeLongTasks, pageProfile } from '../support/ui';

const run = promisify(execFile);
const LINES = 1_000_000;
/** About 100 bytes a line, as the issue asks: ~100 MB of output. */
const PAD = 'x'.repeat(92);
let server: BenchServer;
const name = benchName('logs');

test.beforeAll(async () => {
  test.setTimeout(300_000);
  await docker(
    lab.engineA.socketPath,
    'run',
    '-d',
    '--label',
    'dockhand.bench=1',
    '--label',
    'dockhand.test=1',
    '--name',
    name,
    lab.image,
    'sh',
    '-c',
    `seq 1 ${LINES} | sed 's/^/${PAD} /'`,
  );
  // The whole log is written once the container has exited.
  await run('docker', ['-H', `unix://${lab.engineA.socketPath}`, 'wait', name], { timeout: 240_000 });
  server = await startServer();
});

test.afterAll(async () => {
  await server?.stop();
  await docker(lab.engineA.socketPath, 'rm', '-f', name).catch(() => undefined);
});

test('logs: 1,000,000 lines until the viewer holds the last one vs docker logs > /dev/null', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const last = `${PAD} ${LINES}`;
  const t0 = performance.now();
  await run('sh', ['-c', `docker -H unix://${lab.engineA.socketPath} logs ${name} > /dev/null`], {
    timeout: 300_000,
  });
  const cli = performance.now() - t0;

  await observeLongTasks(page);
  await openContainerTab(page, server.url, name, 'Logs');
  const lines = page.getByRole('log', { name: 'Log lines' });
  await lines.waitFor();
  const since = await page.evaluate(() => performance.now());
  const stopProfile = await pageProfile(page, 'logs');
  const t1 = performance.now();
  await page.getByRole('checkbox', { name: 'All lines' }).check();
  await expect(lines.getByText(last, { exact: true })).toBeVisible({ timeout: 500_000 });
  const ours = performance.now() - t1;
  await stopProfile();
  const tasks = await longTasks(page, since);
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  const over200 = tasks.filter((t) => t.duration > 200).length;
  const heap = await jsHeapUsed(page);

  const ratio = ours / cli;
  const heapMb = heap / 2 ** 20;
  record({
    name: 'logs',
    ratio,
    figures:
      `${LINES.toLocaleString('en')} lines (~${((LINES * (PAD.length + 9)) / 1e6).toFixed(0)} MB): viewer holds the last line after ${secs(ours)} vs docker logs ${secs(cli)}; ` +
      `JS heap after ${heapMb.toFixed(0)} MB; longest main-thread task ${longest.toFixed(0)} ms, ${over200} over 200 ms`,
    checks: [
      {
        label: 'time until the viewer holds the last line',
        target: '<= 1.5x',
        dockhand: secs(ours),
        reference: `docker logs > /dev/null ${secs(cli)}`,
        ratio,
        met: ratio <= 1.5,
      },
      {
        label: 'renderer JS heap after (after GC)',
        target: '<= 250 MB',
        dockhand: `${heapMb.toFixed(0)} MB`,
        reference: '-',
        met: heapMb <= 250,
      },
      {
        label: 'main-thread tasks over 200 ms while streaming',
        target: '0',
        dockhand: `${over200} (longest ${longest.toFixed(0)} ms)`,
        reference: '-',
        met: over200 === 0,
      },
    ],
  });
});
