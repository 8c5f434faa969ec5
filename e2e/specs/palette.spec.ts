import { expect, test, type Page } from '@playwright/test';
import { connectWs } from '../../test/integration/support/ws-client';
import { docker, loadLab, uniqueName, type Lab } from '../support/lab';
import { startWebApp, type WebApp } from '../support/web-app';

let lab: Lab;
let app: WebApp;
/** A container that exists only on engine B: finding it proves the search spans hosts. */
let onlyOnB: string;
/** A running container on the local engine (A), for the terminal picker. */
let runningOnA: string;

test.beforeAll(async () => {
  lab = loadLab();
  onlyOnB = uniqueName('e2e-palette-bonly');
  runningOnA = uniqueName('e2e-palette-run');
  await docker(
    lab.engineB.socketPath,
    'create',
    '--label',
    'berthmaster.test=1',
    '--name',
    onlyOnB,
    lab.image,
    'true',
  );
  await docker(
    lab.engineA.socketPath,
    'run',
    '-d',
    '--label',
    'berthmaster.test=1',
    '--stop-timeout',
    '1',
    '--name',
    runningOnA,
    lab.image,
    'sleep',
    '600',
  );
  app = await startWebApp();
  const { api, socket } = await connectWs(Number(new URL(app.origin).port), app.token);
  await api.hosts.add({
    name: 'lab-b',
    color: '#f59e0b',
    endpoint: { kind: 'socket', socketPath: lab.engineB.socketPath },
  });
  socket.close();
});

test.afterAll(async () => {
  if (onlyOnB) await docker(lab.engineB.socketPath, 'rm', '-f', onlyOnB).catch(() => undefined);
  if (runningOnA) await docker(lab.engineA.socketPath, 'rm', '-f', runningOnA).catch(() => undefined);
  await app?.stop();
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${name}.png` });
}

function hostButton(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Hosts' }).getByRole('button', { name, exact: true });
}

async function openApp(page: Page, scheme: 'light' | 'dark' = 'light') {
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(app.url);
  await expect(hostButton(page, 'local')).toBeVisible({ timeout: 60_000 });
  await expect(hostButton(page, 'lab-b')).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Hosts' }).getByRole('img', { name: 'connected' }),
  ).toHaveCount(2, {
    timeout: 60_000,
  });
}

function palette(page: Page) {
  return page.getByRole('dialog', { name: 'Command palette' });
}

test.describe('command palette @live @desktop', () => {
  // The lab is shared with other suites: page loads and first connections can be slow under load.
  test.describe.configure({ timeout: 180_000 });

  test('Ctrl+K finds a container that only engine B has; Enter opens its details on that host', async ({
    page,
  }) => {
    await openApp(page);
    await hostButton(page, 'local').click();
    await page.keyboard.press('Control+K');
    await expect(palette(page)).toBeVisible();
    const input = palette(page).getByRole('combobox');
    await expect(input).toBeFocused();
    // The list shows every action before anything is typed.
    await expect(palette(page).getByRole('option', { name: /Go to Overview/ })).toBeVisible();
    await shot(page, 'palette-actions');

    const part = onlyOnB.slice('e2e-palette-'.length);
    await input.fill(part);
    const option = palette(page).getByRole('option', { name: new RegExp(`${onlyOnB}.*Container on lab-b`) });
    await expect(option).toBeVisible();
    await expect(option).toHaveAttribute('aria-selected', 'true');
    await expect(input).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id')) ?? '');
    await expect(palette(page).getByRole('status')).toContainText('1 object found');
    await shot(page, 'palette-search');

    await input.press('Enter');
    await expect(palette(page)).toBeHidden();
    await expect(page.getByRole('region', { name: `Container ${onlyOnB}` })).toBeVisible();
    await expect(page.getByRole('heading', { name: onlyOnB })).toBeVisible();
    await expect(hostButton(page, 'lab-b')).toHaveAttribute('aria-current', /.+/);
    await shot(page, 'palette-opened-details');
  });

  test('actions: "Go to Overview" by fuzzy search, arrow keys move, Escape closes', async ({ page }) => {
    await openApp(page, 'dark');
    await page.keyboard.press('Control+K');
    const input = palette(page).getByRole('combobox');
    await input.fill('go ovr');
    const first = palette(page).getByRole('option').first();
    await expect(first).toContainText('Go to Overview');
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await shot(page, 'palette-dark');
    await input.press('Enter');
    await expect(palette(page)).toBeHidden();
    await expect(page.getByRole('region', { name: 'Overview' })).toBeVisible();

    // Ctrl+K also works while typing in a text field; arrows move the active option; Esc closes.
    await page.keyboard.press('Control+K');
    await input.fill('go to');
    const options = palette(page).getByRole('option');
    await expect(options.nth(1)).toBeVisible();
    await input.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await input.press('ArrowUp');
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
    await input.press('Escape');
    await expect(palette(page)).toBeHidden();

    // Actions on the current host open that feature's own dialogs (nothing runs before confirming).
    await page.keyboard.press('Control+K');
    await input.fill('pull');
    await expect(palette(page).getByRole('option').first()).toContainText('Pull image…');
    await input.press('Enter');
    const pull = page.getByRole('dialog', { name: 'Pull an image to local' });
    await expect(pull).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(pull).toBeHidden();
    await page.keyboard.press('Control+K');
    await input.fill('prune stopped');
    await input.press('Enter');
    const prune = page.getByRole('dialog', { name: 'Prune stopped containers' });
    await expect(prune).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(prune).toBeHidden();
  });

  test('"?" opens the shortcuts sheet; G then O goes to the overview', async ({ page }) => {
    await openApp(page);
    await page.locator('body').click({ position: { x: 700, y: 5 } });
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(sheet).toBeVisible();
    await expect(sheet.getByText('Open the command palette', { exact: true })).toBeVisible();
    await expect(sheet.getByText('Go to the first … ninth host in the sidebar')).toBeVisible();
    await expect(sheet.getByText('Go to Overview', { exact: true })).toBeVisible();
    await shot(page, 'palette-help-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'palette-help-dark');
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();

    await page.keyboard.press('g');
    await page.keyboard.press('o');
    await expect(page.getByRole('region', { name: 'Overview' })).toBeVisible();
  });

  test('open a terminal from the palette; in the terminal Ctrl+K stays the shell’s, Ctrl+Shift+K opens', async ({
    page,
  }) => {
    await openApp(page);
    await hostButton(page, 'local').click();
    await page.keyboard.press('Control+K');
    const input = palette(page).getByRole('combobox');
    await input.fill('terminal');
    await expect(palette(page).getByRole('option').first()).toContainText('Open terminal in container');
    await input.press('Enter');
    // Second step: pick the container.
    await expect(input).toHaveValue('');
    await input.fill(runningOnA);
    await expect(palette(page).getByRole('option', { name: new RegExp(runningOnA) })).toBeVisible();
    await shot(page, 'palette-picker');
    await input.press('Enter');
    await expect(palette(page)).toBeHidden();
    const tab = page
      .getByRole('tablist', { name: 'Terminal sessions' })
      .getByRole('tab', { name: new RegExp(runningOnA) });
    await expect(tab).toBeVisible();

    const terminal = page.locator('.xterm').last();
    await terminal.click();
    await expect(page.locator('.xterm-helper-textarea').last()).toBeFocused();
    await page.keyboard.press('Control+K');
    await expect(palette(page)).toBeHidden();
    await page.keyboard.press('Control+Shift+K');
    await expect(palette(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(palette(page)).toBeHidden();
    // Close the shell: the next page load would otherwise reopen its tab (sessions outlive pages).
    await page.getByRole('button', { name: new RegExp(`Close terminal .*${runningOnA}`) }).click();
    await expect(tab).toBeHidden();
  });

  test('a volume row action from the palette: picked by name, confirmed in the row dialog, removed', async ({
    page,
  }) => {
    const volume = uniqueName('e2e-palette-vol');
    await docker(lab.engineA.socketPath, 'volume', 'create', '--label', 'berthmaster.test=1', volume);
    try {
      await openApp(page);
      await hostButton(page, 'local').click();
      await page.keyboard.press('Control+K');
      const input = palette(page).getByRole('combobox');
      await input.fill('Volume: Remove');
      await expect(
        palette(page)
          .getByRole('option', { name: /Volume: Remove…/ })
          .first(),
      ).toBeVisible();
      await input.press('Enter');
      await expect(
        palette(page)
          .getByText(/Remove · volumes on local/)
          .first(),
      ).toBeVisible();
      await input.fill(volume);
      await expect(palette(page).getByRole('option', { name: new RegExp(volume) })).toBeVisible();
      await shot(page, 'palette-volume-pick');
      await input.press('Enter');
      const confirm = page.getByRole('dialog', { name: `Remove volume ${volume}?` });
      await expect(confirm).toBeVisible();
      await shot(page, 'palette-volume-confirm');
      await confirm.getByRole('button', { name: 'Remove' }).click();
      await expect(confirm).toBeHidden();
      await expect(docker(lab.engineA.socketPath, 'volume', 'inspect', volume)).rejects.toThrow();
    } finally {
      await docker(lab.engineA.socketPath, 'volume', 'rm', '-f', volume).catch(() => undefined);
    }
  });

  test('a dead host is reported under the results instead of holding them back', async ({ page }) => {
    const { api, socket } = await connectWs(Number(new URL(app.origin).port), app.token);
    const dead = await api.hosts.add({
      name: 'palette-dead',
      color: '#dc2626',
      endpoint: { kind: 'tcp', host: lab.blackhole.host, port: lab.blackhole.port },
    });
    try {
      await openApp(page);
      // Focus on the app, not in a terminal a previous page left open (Ctrl+K belongs to shells).
      await hostButton(page, 'local').click();
      await page.keyboard.press('Control+K');
      await palette(page).getByRole('combobox').fill(onlyOnB.slice('e2e-palette-'.length));
      await expect(palette(page).getByRole('option', { name: new RegExp(onlyOnB) })).toBeVisible();
      await expect(palette(page).getByRole('status')).toContainText(
        /palette-dead: (Timed out|Engine unreachable)/,
      );
      await shot(page, 'palette-dead-host');
    } finally {
      await api.hosts.remove({ id: dead.id });
      socket.close();
    }
  });
});
