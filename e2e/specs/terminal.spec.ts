import { expect, test, type Page } from '@playwright/test';
import { docker, loadLab, uniqueName, type Lab } from '../support/lab';
import { startWebApp, type WebApp } from '../support/web-app';

/** The renderer's read-only test hook (components/terminal/registry.ts). */
declare global {
  interface Window {
    __berthmasterTerminals?: {
      text(sessionId: string): string;
      size(sessionId: string): { cols: number; rows: number } | undefined;
    };
  }
}

let lab: Lab;
let app: WebApp;
const made: Array<[string, string]> = [];

test.beforeAll(async () => {
  lab = loadLab();
  app = await startWebApp();
});

test.afterAll(async () => {
  for (const [sock, name] of made) await docker(sock, 'rm', '-f', name).catch(() => undefined);
  await app?.stop();
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/terminal-${name}.png` });
}

async function runContainer(socketPath: string, ...args: string[]): Promise<string> {
  const name = uniqueName('e2e-term');
  await docker(
    socketPath,
    'run',
    '-d',
    '--label',
    'berthmaster.test=1',
    '--stop-timeout',
    '2',
    '--name',
    name,
    ...args,
  );
  made.push([socketPath, name]);
  return name;
}

function hostButton(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Hosts' }).getByRole('button', { name, exact: true });
}

/** Containers table → details → Terminal tab of one container. */
async function openTerminalTab(page: Page, host: string, container: string) {
  await hostButton(page, host).click();
  // The engines may hold many containers (the table is virtualized): narrow it down first.
  await page.getByPlaceholder('Name, image, ID, label').fill(container);
  const row = page
    .getByRole('table', { name: 'Containers' })
    .getByRole('row', { name: container, exact: true });
  await row.getByRole('button', { name: `Details of ${container}` }).click();
  await page.getByRole('tab', { name: 'Terminal', exact: true }).click();
}

const dock = (page: Page) => page.getByRole('region', { name: 'Terminals' });

/** The session id of the terminal on screen. */
async function activeSession(page: Page): Promise<string> {
  const pane = dock(page).locator('.terminal-panel.is-active .terminal-pane');
  await expect(pane).toBeVisible();
  return (await pane.getAttribute('data-session-id')) as string;
}

function terminalText(page: Page, id: string): Promise<string> {
  return page.evaluate((sid) => window.__berthmasterTerminals?.text(sid) ?? '', id);
}

async function expectTerminal(page: Page, id: string, re: RegExp, timeout = 15_000) {
  await expect.poll(() => terminalText(page, id), { timeout }).toMatch(re);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Types a command line into the terminal on screen as a user would, Enter once it shows. */
async function typeLine(page: Page, line: string) {
  const id = await activeSession(page);
  await dock(page).locator('.terminal-panel.is-active .xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await expectTerminal(page, id, new RegExp(`${escapeRe(line)}\\s*$`));
  await page.keyboard.press('Enter');
}

async function openShell(page: Page): Promise<string> {
  const tabs = dock(page).getByRole('tab');
  const before = await tabs.count();
  await page.getByRole('button', { name: 'Open shell' }).click();
  await expect(tabs).toHaveCount(before + 1);
  const id = await activeSession(page);
  await expectTerminal(page, id, /\/ # /);
  return id;
}

test.describe('terminal @terminal', () => {
  test('a shell runs commands, follows the window size and shows its exit code', async ({ page }) => {
    const name = await runContainer(lab.engineA.socketPath, lab.image, 'sleep', '600');
    await page.goto(app.url);
    await openTerminalTab(page, 'local', name);
    await shot(page, 'details-tab');
    const id = await openShell(page);

    await typeLine(page, 'echo $((6*7))');
    await expectTerminal(page, id, /^42$/m);
    await shot(page, 'shell');

    // The terminal fits its panel, and the process sees the same size.
    const size = async () => page.evaluate((sid) => window.__berthmasterTerminals?.size(sid), id);
    const before = await size();
    expect(before?.cols).toBeGreaterThan(40);
    await typeLine(page, 'clear; stty size');
    await expectTerminal(page, id, new RegExp(`^${before?.rows} ${before?.cols}$`, 'm'));
    await page.setViewportSize({ width: 980, height: 700 });
    await expect.poll(async () => (await size())?.cols).not.toBe(before?.cols);
    const after = await size();
    await typeLine(page, 'stty size');
    await expectTerminal(page, id, new RegExp(`^${after?.rows} ${after?.cols}$`, 'm'));
    await page.setViewportSize({ width: 1360, height: 860 });

    await typeLine(page, 'exit 3');
    const dockRegion = dock(page);
    await expect(dockRegion.getByText('The process exited with code 3.')).toBeVisible();
    await expect(dockRegion.getByRole('tab', { name: new RegExp(name) })).toContainText('exit 3');
    await shot(page, 'exit-code');

    await dockRegion.getByRole('button', { name: 'Start again' }).click();
    // The new session replaces the old one in the same place once main has opened it.
    await expect.poll(() => activeSession(page)).not.toBe(id);
    const again = await activeSession(page);
    await expectTerminal(page, again, /\/ # /);
    await typeLine(page, 'echo again-$((2+3))');
    await expectTerminal(page, again, /^again-5$/m);
    await dockRegion.getByRole('button', { name: new RegExp(`Close terminal ${name}`) }).click();
    await expect(dockRegion).toHaveCount(0);
  });

  test('full-screen programs run: top starts and quits with q', async ({ page }) => {
    const name = await runContainer(lab.engineA.socketPath, lab.image, 'sleep', '600');
    await page.goto(app.url);
    await openTerminalTab(page, 'local', name);
    const id = await openShell(page);
    await typeLine(page, 'top');
    await expectTerminal(page, id, /PID\s+PPID\s+USER/);
    await expectTerminal(page, id, /sleep 600/);
    await shot(page, 'top');
    await page.keyboard.press('q');
    await typeLine(page, 'echo after-top-$((3*3))');
    await expectTerminal(page, id, /^after-top-9$/m);
    await dock(page)
      .getByRole('button', { name: new RegExp(`Close terminal ${name}`) })
      .click();
  });

  test('the UI keeps answering while `yes` floods the terminal', async ({ page }) => {
    const name = await runContainer(lab.engineA.socketPath, lab.image, 'sleep', '600');
    await page.goto(app.url);
    await openTerminalTab(page, 'local', name);
    const id = await openShell(page);
    await typeLine(page, 'yes');
    await expectTerminal(page, id, /^y$/m);
    const started = Date.now();
    // Five seconds of flooding, clicking between the details tabs all along.
    const tabs = ['Overview', 'Logs', 'Terminal'];
    for (let i = 0; Date.now() - started < 5_000; i++) {
      const tab = page.getByRole('tab', { name: tabs[i % tabs.length], exact: true });
      await tab.click();
      await expect(tab).toHaveAttribute('aria-selected', 'true');
    }
    await shot(page, 'yes');
    await dock(page).locator('.terminal-panel.is-active .xterm-helper-textarea').focus();
    await page.keyboard.press('Control+C');
    await typeLine(page, 'echo stopped-$((4*4))');
    await expectTerminal(page, id, /^stopped-16$/m);
    await dock(page)
      .getByRole('button', { name: new RegExp(`Close terminal ${name}`) })
      .click();
  });

  test('terminals on two hosts at once, kept across a reload', async ({ page }) => {
    const onA = await runContainer(lab.engineA.socketPath, lab.image, 'sleep', '600');
    const onB = await runContainer(lab.engineB.socketPath, lab.image, 'sleep', '600');
    await page.goto(app.url);

    // Engine B over TLS, added as a user would.
    await page.getByRole('button', { name: 'Add host' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add host' });
    await dialog.getByLabel('Name').fill('lab-b-tls');
    await dialog.getByLabel('TCP + TLS', { exact: true }).check();
    await dialog.getByLabel('Host', { exact: true }).fill(lab.engineB.tlsHost);
    await dialog.getByLabel('Port', { exact: true }).fill(String(lab.engineB.tlsPort));
    await dialog.getByLabel('CA certificate file').setInputFiles(lab.tls.ca);
    await dialog.getByLabel('Client certificate file').setInputFiles(lab.tls.cert);
    await dialog.getByLabel('Client key file').setInputFiles(lab.tls.key);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();

    await openTerminalTab(page, 'local', onA);
    const idA = await openShell(page);
    await typeLine(page, `echo on-A-$((1+1))`);
    await expectTerminal(page, idA, /^on-A-2$/m);

    await openTerminalTab(page, 'lab-b-tls', onB);
    const idB = await openShell(page);
    await typeLine(page, `echo on-B-$((2+2))`);
    await expectTerminal(page, idB, /^on-B-4$/m);

    const tabs = dock(page).getByRole('tablist', { name: 'Terminal sessions' }).getByRole('tab');
    await expect(tabs).toHaveCount(2);
    await expect(tabs.nth(0)).toContainText(onA);
    await expect(tabs.nth(0)).toContainText('local');
    await expect(tabs.nth(1)).toContainText(onB);
    await expect(tabs.nth(1)).toContainText('lab-b-tls');
    await shot(page, 'two-hosts');

    // Back to A: its session is alive and still answers.
    await tabs.nth(0).click();
    await typeLine(page, 'echo back-on-A');
    await expectTerminal(page, idA, /^back-on-A$/m);

    // A reload rebuilds both tabs from main and replays their scrollback.
    await page.reload();
    await expect(tabs).toHaveCount(2);
    await expectTerminal(page, idA, /^back-on-A$/m);
    await tabs.nth(1).click();
    await expectTerminal(page, idB, /^on-B-4$/m);
    await typeLine(page, 'echo after-reload');
    await expectTerminal(page, idB, /^after-reload$/m);
    await shot(page, 'after-reload');
    for (const n of [onA, onB]) {
      await dock(page)
        .getByRole('button', { name: new RegExp(`Close terminal ${n}`) })
        .click();
    }
    await expect(dock(page)).toHaveCount(0);
  });

  test('attaches to a TTY container and detaches with ctrl-p ctrl-q', async ({ page }) => {
    const name = await runContainer(lab.engineA.socketPath, '-it', lab.image, 'sh');
    await page.goto(app.url);
    await openTerminalTab(page, 'local', name);
    await page.getByRole('button', { name: 'Attach to main process' }).click();
    const id = await activeSession(page);
    await typeLine(page, 'echo main-$((5+5))');
    await expectTerminal(page, id, /^main-10$/m);
    await page.keyboard.press('Control+P');
    await page.keyboard.press('Control+Q');
    await expect(dock(page).getByText(/Detached from the main process/)).toBeVisible();
    await shot(page, 'detached');
    expect(await docker(lab.engineA.socketPath, 'inspect', '-f', '{{.State.Running}}', name)).toBe('true');
    await dock(page)
      .getByRole('button', { name: new RegExp(`Close terminal ${name}`) })
      .click();
  });

  test('the context menu copies, pastes and finds', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const name = await runContainer(lab.engineA.socketPath, lab.image, 'sleep', '600');
    await page.goto(app.url);
    await openTerminalTab(page, 'local', name);
    const id = await openShell(page);
    await typeLine(page, 'echo marker-$((9*9))');
    await expectTerminal(page, id, /^marker-81$/m);

    const surface = dock(page).locator('.terminal-panel.is-active .terminal-host');
    await surface.click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Terminal' });
    await expect(menu).toBeVisible();
    await shot(page, 'context-menu');
    await menu.getByRole('menuitem', { name: /Select all/ }).click();
    await surface.click({ button: 'right' });
    await menu.getByRole('menuitem', { name: /^Copy/ }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('marker-81');

    await page.evaluate(() => navigator.clipboard.writeText('echo pasted-$((6+6))'));
    await surface.click({ button: 'right' });
    await menu.getByRole('menuitem', { name: /^Paste/ }).click();
    // The clipboard is read asynchronously: Enter only once the pasted line is there.
    await expectTerminal(page, id, /echo pasted-\$\(\(6\+6\)\)\s*$/);
    await page.keyboard.press('Enter');
    await expectTerminal(page, id, /^pasted-12$/m);

    await surface.click({ button: 'right' });
    await menu.getByRole('menuitem', { name: /Find/ }).click();
    const find = dock(page).getByRole('searchbox', { name: 'Find in terminal' });
    await find.fill('marker');
    await expect(dock(page).getByText(/of \d+|\d+\+ matches/)).toBeVisible();
    await shot(page, 'find');
    await find.press('Escape');
    await dock(page)
      .getByRole('button', { name: new RegExp(`Close terminal ${name}`) })
      .click();
  });
});
