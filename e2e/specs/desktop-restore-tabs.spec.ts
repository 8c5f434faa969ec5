import { expect, test, type Page } from '@playwright/test';
import { docker, loadLab, uniqueName, type Lab } from '../support/lab';
import { startRestartableWebApp, type RestartableWebApp } from '../support/restartable-web-app';

/** The renderer's read-only test hook (components/terminal/registry.ts). */
type TerminalsHook = { __berthmasterTerminals?: { text(sessionId: string): string } };

let lab: Lab;
let app: RestartableWebApp;
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
    '--stop-timeout',
    '1',
    '--name',
    name,
    lab.image,
    'sleep',
    '3600',
  );
  app = await startRestartableWebApp();
});

test.afterAll(async () => {
  await app?.stop();
  if (name) await docker(lab.engineA.socketPath, 'rm', '-f', name).catch(() => undefined);
});

const dock = (page: Page) => page.getByRole('region', { name: 'Terminals' });
const tabs = (page: Page) => dock(page).getByRole('tablist', { name: 'Terminal sessions' }).getByRole('tab');

async function activeSession(page: Page): Promise<string> {
  const pane = dock(page).locator('.terminal-panel.is-active .terminal-pane');
  await expect(pane).toBeVisible();
  return (await pane.getAttribute('data-session-id')) as string;
}

function terminalText(page: Page, id: string): Promise<string> {
  return page.evaluate((sid) => (window as TerminalsHook).__berthmasterTerminals?.text(sid) ?? '', id);
}

async function expectTerminal(page: Page, id: string, re: RegExp) {
  await expect.poll(() => terminalText(page, id), { timeout: 20_000 }).toMatch(re);
}

/** Types a command line into the terminal on screen, Enter once it shows. */
async function typeLine(page: Page, line: string) {
  const id = await activeSession(page);
  await dock(page).locator('.terminal-panel.is-active .xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await expectTerminal(page, id, new RegExp(`${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`));
  await page.keyboard.press('Enter');
}

async function openShell(page: Page): Promise<string> {
  await page.getByPlaceholder('Name, image, ID, label').fill(name);
  const row = page.getByRole('table', { name: 'Containers' }).getByRole('row', { name, exact: true });
  await row.getByRole('button', { name: `Details of ${name}` }).click();
  await page.getByRole('tab', { name: 'Terminal', exact: true }).click();
  await page.getByRole('button', { name: 'Open shell' }).click();
  await expect(tabs(page)).toHaveCount(1);
  const id = await activeSession(page);
  await expectTerminal(page, id, /\/ # /);
  return id;
}

test.describe('terminal tabs across a restart @desktop', () => {
  // The shared lab is busy (other suites, benchmarks): generous, not timed.
  test.setTimeout(180_000);

  test('come back by themselves, or ended with the reason and Reopen', async ({ page }) => {
    await page.goto(app.url);
    const first = await openShell(page);
    await typeLine(page, 'echo before-$((20+1))');
    await expectTerminal(page, first, /^before-21$/m);

    // A full restart: main's sessions are gone with its process.
    await app.restart();
    await page.goto(app.url);
    await expect(tabs(page)).toHaveCount(1);
    await expect(tabs(page).first()).toContainText(name);
    // Reopened on its own: a new session in the same tab, which runs what is typed.
    await expect.poll(() => activeSession(page), { timeout: 30_000 }).not.toBe(first);
    const second = await activeSession(page);
    await expectTerminal(page, second, /\/ # /);
    expect(await terminalText(page, second)).not.toContain('before-21');
    await typeLine(page, 'echo after-$((6*7))');
    await expectTerminal(page, second, /^after-42$/m);
    await page.screenshot({ path: 'e2e/screenshots/desktop-restore-tab.png' });

    // The container stops while Berthmaster is down: the tab comes back ended, saying why.
    await app.restart();
    await docker(lab.engineA.socketPath, 'stop', name);
    await page.goto(app.url);
    await expect(tabs(page)).toHaveCount(1);
    await expect(tabs(page).first()).toContainText('ended');
    const bar = dock(page).getByRole('status');
    await expect(bar).toContainText('This shell ended when Berthmaster restarted. Reopening it failed:');
    await expect(bar).toContainText(/not running/i);
    await page.screenshot({ path: 'e2e/screenshots/desktop-restore-tab-ended.png' });

    // Started again, Reopen brings the shell back in the same place.
    await docker(lab.engineA.socketPath, 'start', name);
    await bar.getByRole('button', { name: 'Reopen' }).click();
    await expect.poll(() => activeSession(page), { timeout: 30_000 }).not.toBe(second);
    const third = await activeSession(page);
    await expectTerminal(page, third, /\/ # /);
    await typeLine(page, 'echo reopened-$((3+4))');
    await expectTerminal(page, third, /^reopened-7$/m);

    // A closed tab is forgotten: nothing comes back after the next restart.
    await dock(page)
      .getByRole('button', { name: new RegExp(`Close terminal ${name}`) })
      .click();
    await expect(dock(page)).toHaveCount(0);
    await app.restart();
    await page.goto(app.url);
    await expect(page.getByRole('navigation', { name: 'Hosts' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Containers' })).toBeVisible();
    await expect(dock(page)).toHaveCount(0);
    expect(await page.evaluate(() => localStorage.getItem('berthmaster.terminal.tabs'))).toBe(
      '{"version":1,"tabs":[]}',
    );
  });
});
