import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { connectWs } from '../../test/integration/support/ws-client';
import { docker, loadLab, uniqueName, type Lab } from '../support/lab';
import { startWebApp, type WebApp } from '../support/web-app';

/**
 * Keys typed into a terminal that is still opening: from the click on Open shell (and on Start
 * again) every key reaches the shell, in order, typed at once or at 80 ms a key, over each
 * transport. They used to be lost until the session was attached ("ho hello").
 */

let lab: Lab;
let app: WebApp;
const made: Array<[string, string]> = [];

test.beforeAll(async () => {
  lab = loadLab();
  app = await startWebApp();
  const read = (f: string) => readFileSync(f, 'utf8');
  const { api, socket } = await connectWs(Number(new URL(app.origin).port), app.token);
  for (const line of read(lab.ssh.knownHosts).split('\n')) {
    const [, keyType, key] = line.trim().split(/\s+/);
    if (keyType && key)
      await api.hosts.trustHostKey({ host: lab.ssh.host, port: lab.ssh.port, keyType, key });
  }
  await api.hosts.add({
    name: 'lab-b-tls',
    color: '#10b981',
    endpoint: {
      kind: 'tls',
      host: lab.engineB.tlsHost,
      port: lab.engineB.tlsPort,
      ca: read(lab.tls.ca),
      cert: read(lab.tls.cert),
      key: read(lab.tls.key),
    },
  });
  await api.hosts.add({
    name: 'lab-b-ssh',
    color: '#6366f1',
    endpoint: {
      kind: 'ssh',
      host: lab.ssh.host,
      port: lab.ssh.port,
      user: lab.ssh.user,
      privateKey: read(lab.ssh.ed25519Key),
      useAgent: false,
    },
  });
  socket.close();
});

test.afterAll(async () => {
  for (const [sock, name] of made) await docker(sock, 'rm', '-f', name).catch(() => undefined);
  await app?.stop();
});

async function runContainer(socketPath: string): Promise<string> {
  const name = uniqueName('e2e-early-keys');
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
    lab.image,
    'sleep',
    '600',
  );
  made.push([socketPath, name]);
  return name;
}

const dock = (page: Page) => page.getByRole('region', { name: 'Terminals' });

async function openTerminalTab(page: Page, host: string, container: string) {
  await page
    .getByRole('navigation', { name: 'Hosts' })
    .getByRole('button', { name: host, exact: true })
    .click();
  await page.getByPlaceholder('Name, image, ID, label').fill(container);
  const row = page
    .getByRole('table', { name: 'Containers' })
    .getByRole('row', { name: container, exact: true });
  await row.getByRole('button', { name: `Details of ${container}` }).click();
  await page.getByRole('tab', { name: 'Terminal', exact: true }).click();
}

async function activeSession(page: Page): Promise<string> {
  const pane = dock(page).locator('.terminal-panel.is-active .terminal-pane');
  await expect(pane).toBeVisible();
  return (await pane.getAttribute('data-session-id')) as string;
}

/** The renderer's read-only test hook (components/terminal/registry.ts; typed in terminal.spec.ts). */
const terminalText = (page: Page, id: string) =>
  page.evaluate(
    (sid) =>
      (window as { __berthmasterTerminals?: { text(s: string): string } }).__berthmasterTerminals?.text(
        sid,
      ) ?? '',
    id,
  );

/** Types the command right after `click`, as fast as asked, and checks the shell ran all of it. */
async function typeAtOnce(page: Page, click: () => Promise<void>, delay: number, previous?: string) {
  await click();
  await page.keyboard.type('echo hello', { delay });
  await page.keyboard.press('Enter');
  if (previous) await expect.poll(() => activeSession(page)).not.toBe(previous);
  const id = await activeSession(page);
  await expect.poll(() => terminalText(page, id), { timeout: 20_000 }).toMatch(/^hello$/m);
  expect(await terminalText(page, id)).toMatch(/# echo hello\s*$/m);
  // The terminal has the focus: the next keys go straight to it.
  await expect(dock(page).locator('.terminal-panel.is-active .xterm-helper-textarea')).toBeFocused();
  return id;
}

const hosts = [
  { host: 'local', label: 'a socket host', engine: () => lab.engineA.socketPath },
  { host: 'lab-b-tls', label: 'TLS', engine: () => lab.engineB.socketPath },
  { host: 'lab-b-ssh', label: 'SSH', engine: () => lab.engineB.socketPath },
];

test.describe('keys typed while a terminal opens @terminal', () => {
  for (const { host, label, engine } of hosts) {
    for (const delay of [0, 80]) {
      test(`all arrive over ${label}, typed at ${delay} ms a key (Open shell, Start again)`, async ({
        page,
      }) => {
        const name = await runContainer(engine());
        await page.goto(app.url);
        await openTerminalTab(page, host, name);
        const open = page.getByRole('button', { name: 'Open shell' });
        const id = await typeAtOnce(page, () => open.click(), delay);
        await page.screenshot({ path: `e2e/screenshots/terminal-early-keys-${host}-${delay}.png` });

        await page.keyboard.type('exit 3', { delay });
        await page.keyboard.press('Enter');
        const again = dock(page).getByRole('button', { name: 'Start again' });
        await expect(again).toBeVisible();
        await typeAtOnce(page, () => again.click(), delay, id);
        await dock(page)
          .getByRole('button', { name: new RegExp(`Close terminal ${name}`) })
          .click();
      });
    }
  }
});
