import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { loadLab, type Lab } from '../support/lab';
import { startWebApp, type WebApp } from '../support/web-app';

const run = promisify(execFile);
let lab: Lab;
let app: WebApp;
let home: string;

/** The real docker CLI with the app's HOME: it makes and reads the contexts. */
async function cli(...args: string[]): Promise<string> {
  const { stdout } = await run('docker', args, {
    env: { PATH: process.env.PATH ?? '', HOME: home },
    timeout: 30_000,
  });
  return stdout.trim();
}

test.beforeAll(async () => {
  lab = loadLab();
  home = mkdtempSync(path.join(os.tmpdir(), 'berthmaster-e2e-home-'));
  await cli(
    'context',
    'create',
    'lab-a',
    '--description',
    'engine A socket',
    '--docker',
    `host=unix://${lab.engineA.socketPath}`,
  );
  await cli(
    'context',
    'create',
    'lab-b-tls',
    '--description',
    'engine B over TLS',
    '--docker',
    `host=tcp://${lab.engineB.tlsHost}:${lab.engineB.tlsPort},ca=${lab.tls.ca},cert=${lab.tls.cert},key=${lab.tls.key}`,
  );
  await cli(
    'context',
    'create',
    'lab-insecure',
    '--docker',
    `host=tcp://${lab.engineB.tlsHost}:${lab.engineB.tlsPort},skip-tls-verify=true`,
  );
  app = await startWebApp({ HOME: home });
});

test.afterAll(async () => {
  await app?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

const pages = (page: Page) => page.getByRole('navigation', { name: 'Pages' });
const hostButton = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Hosts' }).getByRole('button', { name, exact: true });

test.describe('desktop @desktop', () => {
  // The shared lab is busy (other suites, benchmarks): generous, not timed.
  test.setTimeout(150_000);

  test('the settings page switches the theme', async ({ page }) => {
    await page.goto(app.url);
    await pages(page).getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('region', { name: 'Settings' });
    await expect(settings.getByText(app.configDir)).toBeVisible();

    await settings.getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(22, 24, 28)');
    await page.screenshot({ path: 'e2e/screenshots/desktop-theme-dark.png' });

    await settings.getByRole('radio', { name: 'Light' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(247, 248, 250)',
    );
    await page.screenshot({ path: 'e2e/screenshots/desktop-theme-light.png' });

    // System: data-theme is resolved from prefers-color-scheme, and follows it while it changes.
    await page.emulateMedia({ colorScheme: 'dark' });
    await settings.getByRole('radio', { name: 'System' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(247, 248, 250)',
    );
  });

  test('settings are validated, saved, and restored with the page after a reload', async ({ page }) => {
    await page.goto(app.url);
    await pages(page).getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('region', { name: 'Settings' });
    const buffer = settings.getByLabel('Log buffer');
    await buffer.fill('10');
    await buffer.press('Enter');
    await expect(settings.getByText('Log buffer: keep at least 1,000 lines')).toBeVisible();
    await buffer.fill('50000');
    await buffer.press('Enter');
    await expect(settings.getByText(/Log buffer:/)).toHaveCount(0);
    await settings.getByRole('radio', { name: 'Dark' }).check();
    await settings.getByRole('radio', { name: 'On every host' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

    await page.reload();
    // The last page comes back by itself.
    await expect(page.getByRole('region', { name: 'Settings' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Settings' }).getByLabel('Log buffer')).toHaveValue(
      '50000',
    );
    await expect(page.getByRole('radio', { name: 'On every host' })).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('radio', { name: 'Light' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });

  test('imports Docker contexts from the CLI and exports a host back', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Import Docker contexts' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import Docker contexts' });
    const list = dialog.getByRole('list', { name: 'Docker contexts' });
    await expect(list.getByRole('checkbox', { name: /lab-b-tls/ })).toBeChecked();
    // The local socket is the first host already: same endpoint as "default" and lab-a.
    await expect(list.getByRole('checkbox', { name: /lab-a/ })).toBeDisabled();
    await expect(list.getByRole('checkbox', { name: /lab-insecure/ })).toBeDisabled();
    await expect(dialog.getByText(/skips TLS verification/)).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/desktop-contexts.png' });

    await dialog.getByRole('button', { name: 'Import context' }).click();
    await expect(dialog.getByRole('status')).toContainText('Added lab-b-tls.');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await hostButton(page, 'lab-b-tls').click();
    await expect(
      page.getByRole('navigation', { name: 'Hosts' }).getByRole('img', { name: 'connected' }),
    ).toHaveCount(2);

    await page.getByRole('button', { name: 'Actions for lab-b-tls' }).click();
    await page.getByRole('menuitem', { name: 'Export as Docker context…' }).click();
    const exp = page.getByRole('dialog', { name: 'Export lab-b-tls as a Docker context' });
    await exp.getByLabel('Context name').fill('lab-b-tls');
    await exp.getByRole('button', { name: 'Export' }).click();
    await expect(exp.getByText(/already exists/)).toBeVisible();
    await exp.getByLabel('Context name').fill('from-berthmaster');
    await exp.getByRole('button', { name: 'Export' }).click();
    await expect(exp.getByText('docker --context from-berthmaster ps')).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/desktop-export.png' });
    expect(await cli('--context', 'from-berthmaster', 'version', '-f', '{{.Server.APIVersion}}')).toMatch(
      /^1\.\d+$/,
    );
  });

  test('explains how to connect when no engine is reachable', async ({ page }) => {
    // Nothing listens on port 1: the first host (from DOCKER_HOST) cannot connect.
    const offline = await startWebApp({ HOME: home, DOCKER_HOST: 'tcp://127.0.0.1:1' });
    try {
      await page.goto(offline.url);
      const screen = page.getByRole('region', { name: 'Connect a Docker engine' });
      await expect(screen).toBeVisible();
      await expect(screen.getByRole('list', { name: 'Connection problems' })).toContainText('local');
      await expect(screen.getByText(/docker group/)).toBeVisible();
      await page.screenshot({ path: 'e2e/screenshots/desktop-first-run.png' });
      await screen.getByRole('button', { name: 'Import Docker contexts' }).click();
      await expect(page.getByRole('dialog', { name: 'Import Docker contexts' })).toBeVisible();
      await page.keyboard.press('Escape');
      await screen.getByRole('button', { name: "Show the host's details" }).click();
      await expect(screen).toHaveCount(0);
    } finally {
      await offline.stop();
    }
  });
});
