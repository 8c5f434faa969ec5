import { expect, test } from '@playwright/test';
import { docker, loadLab, uniqueName, type Lab } from '../support/lab';
import { startWebApp, type WebApp } from '../support/web-app';

let lab: Lab;
let app: WebApp;
const made: string[] = [];

test.beforeAll(async () => {
  lab = loadLab();
  app = await startWebApp();
});

test.afterAll(async () => {
  for (const name of made) await docker(lab.engineA.socketPath, 'rm', '-f', name).catch(() => undefined);
  await app?.stop();
});

test.describe('live state @live', () => {
  test('a container started with the CLI appears in the open list without any user action', async ({
    page,
  }) => {
    await page.goto(app.url);
    await page
      .getByRole('navigation', { name: 'Hosts' })
      .getByRole('button', { name: 'local', exact: true })
      .click();
    const table = page.getByRole('table', { name: 'Containers' });
    await expect(table).toBeVisible();
    const name = uniqueName('live');
    made.push(name);
    await docker(
      lab.engineA.socketPath,
      'run',
      '-d',
      '--label',
      'dockhand.test=1',
      '--name',
      name,
      lab.image,
      'sleep',
      '600',
    );
    // No refresh, no polling: the engine's event drives the list.
    await expect(table.getByRole('row', { name, exact: true })).toBeVisible({ timeout: 5_000 });
    await docker(lab.engineA.socketPath, 'rm', '-f', name);
    await expect(table.getByRole('row', { name, exact: true })).toHaveCount(0, { timeout: 5_000 });
    await page.getByRole('tab', { name: 'Activity' }).click();
    await expect(page.getByRole('table', { name: 'Events' }).getByText(name).first()).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/live-activity.png' });
  });

  test('the overview shows every host with its engine', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Overview' }).click();
    const card = page.getByRole('button', { name: 'Open local' });
    await expect(card).toBeVisible();
    const version = await docker(lab.engineA.socketPath, 'version', '-f', '{{.Server.Version}}');
    await expect(card).toContainText(`Docker ${version}`);
    await page.screenshot({ path: 'e2e/screenshots/live-overview.png' });
    await card.click();
    await expect(
      page.getByRole('navigation', { name: 'Hosts' }).getByRole('button', { name: 'local', exact: true }),
    ).toHaveAttribute('aria-current', 'page');
  });
});
