import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { test } from '@playwright/test';
import { createContainers, lab, removeContainers } from '../support/bench-objects';
import { median, ms, record } from '../support/results';
import { startServer } from '../support/server';
import { hostButton, pageProfile } from '../support/ui';

const run = promisify(execFile);
const TRIALS = 3;

/** The first container row of the table, in the first frame that shows it. */
function firstRowPaintedAt(page: import('@playwright/test').Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const tick = () => {
          if (document.querySelector('[role="table"][aria-label="Containers"] [role="row"][aria-label]'))
            requestAnimationFrame(() => resolve(Date.now()));
          else requestAnimationFrame(tick);
        };
        tick();
      }),
  );
}

test('startup: the server starting until the first container row is painted', async ({ page }) => {
  test.setTimeout(300_000);
  // At least one container, so there is a row to paint.
  const made = await createContainers(lab.engineA.socketPath, 'startup', 1);
  const ours: number[] = [];
  const cli: number[] = [];
  const phases: string[] = [];
  for (let i = 0; i < TRIALS; i++) {
    const t0 = Date.now();
    await run('docker', ['-H', `unix://${lab.engineA.socketPath}`, 'ps', '-a']);
    cli.push(Date.now() - t0);
    // The browser is already running, as it would be when a user opens the printed link.
    const server = await startServer();
    try {
      const listening = Date.now();
      // BENCH_PAGE_PROF: the page's load, first trial (a fresh document: the profile spans the navigation).
      const stopProfile = i === 0 ? await pageProfile(page, 'startup') : async () => undefined;
      await page.goto(server.url);
      await hostButton(page, 'local').click();
      const clicked = Date.now();
      const painted = await firstRowPaintedAt(page);
      await stopProfile();
      ours.push(painted - server.spawnedAt);
      phases.push(
        `listening ${listening - server.spawnedAt}, host button clicked ${clicked - listening}, row ${painted - clicked}`,
      );
    } finally {
      await server.stop();
    }
  }
  await removeContainers(lab.engineA.socketPath, made);
  const ratio = median(ours) / median(cli);
  record({
    name: 'startup',
    ratio,
    figures: `node web.js spawned to first row painted ${ms(median(ours))} (median of ${TRIALS}, includes clicking the host) vs docker ps -a ${ms(median(cli))}; ms per phase: ${phases.join('; ')}`,
    checks: [
      {
        label: `server start to first container row painted (median of ${TRIALS})`,
        target: '<= 0.8 s',
        berthmaster: ms(median(ours)),
        reference: `docker ps -a ${ms(median(cli))}`,
        ratio,
        met: median(ours) <= 800,
      },
    ],
  });
});
