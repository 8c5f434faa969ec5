import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { fault } from '../../test/integration/support/faults';
import { connectWs } from '../../test/integration/support/ws-client';
import { docker, loadLab, uniqueName, type Lab } from '../support/lab';
import { startWebApp, type WebApp } from '../support/web-app';

let lab: Lab;
let app: WebApp;
const made: string[] = [];

test.beforeAll(async () => {
  lab = loadLab();
  app = await startWebApp();
  const { api, socket } = await connectWs(Number(new URL(app.origin).port), app.token);
  await api.hosts.add({
    name: 'lab-b-tls',
    color: '#10b981',
    endpoint: {
      kind: 'tls',
      host: lab.engineB.tlsHost,
      port: lab.engineB.tlsPort,
      ca: readFileSync(lab.tls.ca, 'utf8'),
      cert: readFileSync(lab.tls.cert, 'utf8'),
      key: readFileSync(lab.tls.key, 'utf8'),
    },
  });
  socket.close();
});

test.afterAll(async () => {
  // Engine B is back whatever happened.
  await fault('b-restart').catch(() => undefined);
  for (const name of made) await docker(lab.engineB.socketPath, 'rm', '-f', name).catch(() => undefined);
  await app?.stop();
});

/** A container on B that logs a line every 200 ms and comes back when B restarts. */
async function ticker(): Promise<string> {
  const name = uniqueName('e2e-resil');
  made.push(name);
  const script =
    'trap "exit 0" TERM; i=0; while true; do i=$((i+1)); echo "tick $i"; sleep 0.2 & wait $!; done';
  await docker(
    lab.engineB.socketPath,
    'run',
    '-d',
    '--label',
    'berthmaster.test=1',
    '--restart',
    'always',
    '--name',
    name,
    lab.image,
    'sh',
    '-c',
    script,
  );
  return name;
}

const dock = (page: Page) => page.getByRole('region', { name: 'Terminals' });

test.describe('streams across host failure @live', () => {
  test('@live logs and a terminal on B say "disconnected" when B dies, and carry on when it is back', async ({
    page,
  }) => {
    // Engine B takes a while to come back after a crash (it stops what was left running first).
    test.setTimeout(300_000);
    const name = await ticker();
    // Tall enough for the details (logs) and the terminal dock to show at once.
    await page.setViewportSize({ width: 1360, height: 1200 });
    await page.goto(app.url);
    await page
      .getByRole('navigation', { name: 'Hosts' })
      .getByRole('button', { name: 'lab-b-tls', exact: true })
      .click();
    await page.getByPlaceholder('Name, image, ID, label').fill(name);
    const row = page.getByRole('table', { name: 'Containers' }).getByRole('row', { name, exact: true });
    // A shell in the dock, and the logs in the details.
    await row.getByRole('button', { name: `Open terminal in ${name}` }).click();
    await expect(dock(page).getByRole('tab')).toHaveCount(1);
    await row.getByRole('button', { name: `Details of ${name}` }).click();
    await page.getByRole('tab', { name: 'Logs', exact: true }).click();
    await expect(page.getByText('Following', { exact: true })).toBeVisible();
    const lines = page.getByRole('log', { name: 'Log lines' });
    await expect(lines).toContainText(/tick \d+/);

    try {
      await fault('b-crash');
      const banner = page.getByRole('status', { name: 'Disconnected' });
      await expect(banner).toContainText('Disconnected — resuming when lab-b-tls is back');
      await expect(page.getByText('Disconnected · resuming when the host is back')).toBeVisible();
      // A shell can't outlive its engine: the tab waits for the host to offer a reopen.
      await expect(dock(page).getByRole('button', { name: 'Waiting for lab-b-tls…' })).toBeDisabled();
      await page.screenshot({ path: 'e2e/screenshots/resilience-disconnected.png' });
    } finally {
      await fault('b-restart');
    }

    // Nothing to click for the logs: they resume, after a separator for the container's new run.
    await expect(page.getByRole('status', { name: 'Disconnected' })).toHaveCount(0, { timeout: 15_000 });
    // The separator may have scrolled out of the (virtualized) view: search finds it.
    await page.getByRole('searchbox', { name: 'Search logs' }).fill('container restarted');
    await expect(page.getByText('– of 1', { exact: true })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search logs' }).press('Enter');
    await expect(lines).toContainText('— container restarted —');
    await expect(page.getByText('Following', { exact: true })).toBeVisible();
    const reopen = dock(page).getByRole('button', { name: 'Reopen' });
    await expect(reopen).toBeEnabled();
    await expect(dock(page)).toContainText('lab-b-tls is back');
    await page.screenshot({ path: 'e2e/screenshots/resilience-resumed.png' });
    await reopen.click();
    await expect(reopen).toHaveCount(0);
    await expect(dock(page).getByRole('tab')).toHaveCount(1);
  });
});
