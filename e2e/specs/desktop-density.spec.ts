import { expect, test, type Page } from '@playwright/test';
import { docker, loadLab, uniqueName, type Lab } from '../support/lab';
import { startWebApp, type WebApp } from '../support/web-app';

let lab: Lab;
let app: WebApp;
let name: string;

test.beforeAll(async () => {
  lab = loadLab();
  name = uniqueName('deskrest');
  await docker(
    lab.engineA.socketPath,
    'run',
    '-d',
    '--label',
    'berthmaster.test=1',
    '--name',
    name,
    lab.image,
    'sleep',
    '3600',
  );
  app = await startWebApp();
});

test.afterAll(async () => {
  await app?.stop();
  if (name) await docker(lab.engineA.socketPath, 'rm', '-f', name).catch(() => undefined);
});

/** The container's row in the local host's table, narrowed down to it. */
async function containerRow(page: Page) {
  await page
    .getByRole('navigation', { name: 'Hosts' })
    .getByRole('button', { name: 'local', exact: true })
    .click();
  await page.getByPlaceholder('Name, image, ID, label').fill(name);
  const row = page.getByRole('table', { name: 'Containers' }).getByRole('row', { name, exact: true });
  await expect(row).toBeVisible();
  return row;
}

async function heightOf(page: Page): Promise<number> {
  const box = await (await containerRow(page)).boundingBox();
  return box?.height ?? 0;
}

test.describe('density @desktop', () => {
  test.setTimeout(120_000);

  test('compact density makes table rows shorter', async ({ page }) => {
    await page.goto(app.url);
    const comfortable = await heightOf(page);
    expect(comfortable).toBe(48);
    await page.screenshot({ path: 'e2e/screenshots/desktop-density-comfortable.png' });

    await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Settings' }).click();
    await page
      .getByRole('region', { name: 'Settings' })
      .getByRole('radio', { name: /Compact/ })
      .check();
    await expect(page.locator('html')).toHaveAttribute('data-density', 'compact');

    const compact = await heightOf(page);
    expect(compact).toBeLessThan(comfortable);
    expect(compact).toBe(38);
    // The row's controls still fit inside it.
    const row = await containerRow(page);
    const more = await row.getByRole('button', { name: `More actions for ${name}` }).boundingBox();
    const box = await row.boundingBox();
    expect(more && box && more.y >= box.y && more.y + more.height <= box.y + box.height).toBe(true);
    await page.screenshot({ path: 'e2e/screenshots/desktop-density-compact.png' });
  });
});
