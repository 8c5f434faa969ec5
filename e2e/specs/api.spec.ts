import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { connectWs } from '../../test/integration/support/ws-client';
import { docker, loadLab, uniqueName, type Lab } from '../support/lab';
import { startWebApp, type WebApp } from '../support/web-app';

let lab: Lab;
let app: WebApp;
const name = uniqueName('e2e-api');
const READ_ONLY = 'lab-a-read-only';
const PROD = 'lab-a-production';

test.beforeAll(async () => {
  lab = loadLab();
  app = await startWebApp();
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
    '600',
  );
  // Two more views of engine A: read-only, and production (its console asks for the typed name).
  const { api, socket } = await connectWs(Number(new URL(app.origin).port), app.token);
  for (const [hostName, policy, production] of [
    [READ_ONLY, 'read-only', false],
    [PROD, 'full', true],
  ] as const)
    await api.hosts.add({
      name: hostName,
      color: '#6366f1',
      endpoint: { kind: 'socket', socketPath: lab.engineA.socketPath },
      policy,
      production,
      labels: [],
    });
  socket.close();
});

test.afterAll(async () => {
  await docker(lab.engineA.socketPath, 'rm', '-f', name).catch(() => undefined);
  await app?.stop();
});

/** The local host's page, with the clipboard readable (to check what Copy put there). */
async function openLocalWithClipboard(page: Page, context: BrowserContext) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await page.goto(app.url);
  await page
    .getByRole('navigation', { name: 'Hosts' })
    .getByRole('button', { name: 'local', exact: true })
    .click();
}

async function shot(page: Page, step: string) {
  await page.screenshot({ path: `e2e/screenshots/api-${step}.png` });
}

test.describe('the Engine API behind every click @api', () => {
  test.describe.configure({ timeout: 120_000 });

  test('restart, find the request in the API log, copy as curl, open in console, send a GET @api', async ({
    page,
    context,
  }) => {
    await openLocalWithClipboard(page, context);
    const row = page.getByRole('table', { name: 'Containers' }).getByRole('row', { name, exact: true });
    await row.getByRole('button', { name: `Restart ${name}` }).click();

    // The log: the restart's POST, caused by containers.restart.
    await page.getByRole('tab', { name: 'API', exact: true }).click();
    const log = page.getByRole('table', { name: 'API requests' });
    await expect(log).toBeVisible();
    await page.getByRole('searchbox', { name: 'Filter by path' }).fill('/restart');
    const entry = log.getByRole('row', { name: /^POST \/v\d+\.\d+\/containers\/.+\/restart 204$/ });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText('containers.restart');
    await shot(page, 'log');

    // Export HAR: a download of the filtered entries (the restart).
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export HAR' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.har$/);
    const har = readFileSync(await file.path(), 'utf8');
    expect(JSON.parse(har).log.entries).toHaveLength(1);
    expect(har).toContain('/restart');

    await entry.getByRole('button', { name: /^Details of POST/ }).click();
    const details = page.getByRole('complementary', { name: 'Request details' });
    await expect(details.getByRole('heading', { name: 'Request headers' })).toBeVisible();
    await shot(page, 'details');
    await details.getByRole('tab', { name: 'Response' }).click();
    await expect(details.getByRole('heading', { name: 'Response headers' })).toBeVisible();
    await details.getByRole('tab', { name: 'Copy as' }).click();
    const curl = details.getByLabel('curl snippet');
    await expect(curl).toContainText('--unix-socket');
    await expect(curl).toContainText('/restart');
    await details.getByRole('button', { name: 'Copy curl' }).click();
    await expect(details.getByRole('button', { name: 'Copy curl' })).toHaveText('Copied');
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toContain('--unix-socket');
    expect(clip).toMatch(/\/containers\/[^/ ]+\/restart/);
    await shot(page, 'copy-as');

    // Open in console: the restart is in the form; a GET of the container list answers JSON.
    await details.getByRole('button', { name: 'Open in console' }).click();
    const path = page.getByRole('combobox', { name: 'Path' });
    await expect(path).toHaveValue(/^\/containers\/.+\/restart$/);
    await expect(page.getByRole('combobox', { name: 'Method' })).toHaveValue('POST');
    await shot(page, 'console-open');

    await page.getByRole('combobox', { name: 'Method' }).selectOption('GET');
    await path.fill('/containers/js');
    await expect(page.getByRole('listbox', { name: 'Endpoints' })).toBeVisible();
    await shot(page, 'console-complete');
    await page.getByRole('option', { name: /GET\s*\/containers\/json/ }).click();
    await expect(path).toHaveValue('/containers/json');
    await expect(page.getByRole('region', { name: 'Endpoint documentation' })).toContainText(
      'List containers',
    );
    await page.getByRole('button', { name: 'Add query parameter' }).click();
    await page.getByRole('textbox', { name: 'Query parameter 1 name' }).fill('all');
    await page.getByRole('textbox', { name: 'Query parameter 1 value' }).fill('1');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const response = page.getByRole('region', { name: 'Response' });
    await expect(response.getByLabel('Status 200')).toBeVisible();
    const json = response.getByLabel('Response JSON');
    await expect(json).toContainText(`"/${name}"`);
    const history = page.getByRole('region', { name: 'History' });
    await expect(history).toContainText('/containers/json');
    // Each history entry says how its request went: status and duration.
    await expect(history.getByRole('listitem').first()).toContainText(/200 · \d+(\.\d+)? m?s/);
    await history.getByRole('button', { name: /^Replay GET \/containers\/json/ }).click();
    await expect(history.getByRole('listitem')).toHaveCount(1);
    await expect(history.getByRole('listitem').first()).toContainText(/200 · \d+(\.\d+)? m?s/);
    await shot(page, 'console-response');

    // A documented-parameter warning still lets the request go.
    await page.getByRole('textbox', { name: 'Query parameter 1 name' }).fill('nonsense');
    await expect(page.getByRole('list', { name: 'Warnings' })).toContainText(
      'not a documented query parameter',
    );
    await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
  });
  test('the run dialog copies the request it would send, before sending it @api', async ({
    page,
    context,
  }) => {
    await openLocalWithClipboard(page, context);
    await page.getByRole('button', { name: 'Run container' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Run container' });
    await dialog.getByLabel('Image', { exact: true }).fill(lab.image);
    const unsent = uniqueName('e2e-api-unsent');
    await dialog.getByLabel(/^Name/).fill(unsent);
    await dialog.getByRole('button', { name: 'Add variable' }).click();
    await dialog.getByLabel('Variable 1 name').fill('DB_PASSWORD');
    await dialog.getByRole('textbox', { name: 'Variable 1 value' }).fill('hunter2-not-copied');
    await dialog.getByRole('button', { name: 'Copy as…' }).click();
    const menu = dialog.getByRole('menu', { name: 'Copy as' });
    await expect(menu).toBeVisible();
    await shot(page, 'run-copy-menu');
    await menu.getByRole('menuitem', { name: 'curl' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Copied as curl.' })).toBeVisible();
    const curl = await page.evaluate(() => navigator.clipboard.readText());
    expect(curl).toContain('--unix-socket');
    expect(curl).toContain('/containers/create');
    expect(curl).toContain(`/containers/${unsent}/start`);
    expect(curl).not.toContain('hunter2-not-copied');

    await dialog.getByRole('button', { name: 'Copy as…' }).click();
    await menu.getByRole('menuitem', { name: 'docker CLI' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Copied as docker CLI.' })).toBeVisible();
    const cli = await page.evaluate(() => navigator.clipboard.readText());
    expect(cli).toMatch(/^docker run -d /);
    expect(cli).toContain(unsent);
    expect(cli).not.toContain('hunter2-not-copied');
    // Nothing was sent: the container does not exist.
    const found = await docker(lab.engineA.socketPath, 'ps', '-aq', '--filter', `name=^/${unsent}$`);
    expect(found.trim()).toBe('');
  });
  test('every form copies its request before sending: network, volume, pull, build, exec @api', async ({
    page,
    context,
  }) => {
    await openLocalWithClipboard(page, context);
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    const copy = async (dialog: ReturnType<Page['getByRole']>, format: string) => {
      await dialog.getByRole('button', { name: 'Copy as…' }).click();
      await dialog.getByRole('menu', { name: 'Copy as' }).getByRole('menuitem', { name: format }).click();
      await expect(dialog.getByRole('status').filter({ hasText: `Copied as ${format}.` })).toBeVisible();
      return clipboard();
    };
    const unsent = uniqueName('e2e-api-form');

    await page.getByRole('tab', { name: 'Networks', exact: true }).click();
    await page.getByRole('button', { name: 'Create network' }).click();
    const net = page.getByRole('dialog', { name: 'Create network on local' });
    await net.getByLabel('Name', { exact: true }).fill(unsent);
    await net.getByRole('button', { name: 'Copy as…' }).click();
    await shot(page, 'network-copy-menu');
    await net.getByRole('button', { name: 'Copy as…' }).click();
    expect(await copy(net, 'docker CLI')).toBe(`docker network create --driver bridge ${unsent}`);
    expect(await copy(net, 'curl')).toContain('/networks/create');
    await net.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('tab', { name: 'Volumes', exact: true }).click();
    await page.getByRole('button', { name: 'Create volume' }).click();
    const vol = page.getByRole('dialog', { name: 'Create volume on local' });
    await vol.getByLabel(/^Name/).fill(unsent);
    expect(await copy(vol, 'docker CLI')).toBe(`docker volume create --driver local ${unsent}`);
    expect(await copy(vol, 'Python (docker SDK)')).toContain('/volumes/create');
    await vol.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('tab', { name: 'Images', exact: true }).click();
    await page.getByRole('button', { name: 'Pull', exact: true }).click();
    const pull = page.getByRole('dialog', { name: 'Pull an image to local' });
    await pull.getByLabel('Image reference').fill('busybox:1.36');
    expect(await copy(pull, 'docker CLI')).toBe('docker pull busybox:1.36');
    await pull.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Build', exact: true }).click();
    const build = page.getByRole('dialog', { name: /Build an image on local/ });
    await build.getByLabel('Context folder').fill('/srv/app');
    await build.getByLabel('Tags').fill('team/app:1');
    const cli = await copy(build, 'docker CLI');
    expect(cli).toContain('docker build -t team/app:1');
    expect(cli).toContain('/srv/app');
    expect(await copy(build, 'curl')).toMatch(/^tar -C \/srv\/app -cf - \. \| curl /);
    await shot(page, 'build-copied');
    await build.getByRole('button', { name: 'Cancel' }).click();

    // The exec a container's Terminal tab would open.
    await page.getByRole('tab', { name: 'Containers', exact: true }).click();
    await page.getByPlaceholder('Name, image, ID, label').fill(name);
    const row = page.getByRole('table', { name: 'Containers' }).getByRole('row', { name, exact: true });
    await row.getByRole('button', { name: `Details of ${name}` }).click();
    await page.getByRole('tab', { name: 'Terminal', exact: true }).click();
    const shell = page.getByRole('region', { name: 'Shell' });
    expect(await copy(shell, 'docker CLI')).toMatch(new RegExp(`^docker exec -i -t ${name} /bin/sh -c `));
    expect(await copy(shell, 'curl')).toContain(`/containers/${name}/exec`);
    await shot(page, 'exec-copied');

    // Nothing was sent.
    expect(await docker(lab.engineA.socketPath, 'network', 'ls', '-q', '--filter', `name=^${unsent}$`)).toBe(
      '',
    );
    expect(await docker(lab.engineA.socketPath, 'volume', 'ls', '-q', '--filter', `name=^${unsent}$`)).toBe(
      '',
    );
  });
  test('the console follows a stream until Stop, shows refusals, and asks production hosts for the name @api', async ({
    page,
  }) => {
    const openConsole = async (hostName: string) => {
      await page
        .getByRole('navigation', { name: 'Hosts' })
        .getByRole('button', { name: hostName, exact: true })
        .click();
      await page.getByRole('tab', { name: 'API', exact: true }).click();
      await page.getByRole('tab', { name: 'Console', exact: true }).click();
    };
    const method = page.getByRole('combobox', { name: 'Method' });
    const path = page.getByRole('combobox', { name: 'Path' });
    const send = page.getByRole('button', { name: 'Send', exact: true });
    const response = page.getByRole('region', { name: 'Response' });
    await page.goto(app.url);

    // A followed stream: /events stays open until Stop.
    await openConsole('local');
    await path.fill('/events');
    await path.press('Escape');
    await send.click();
    await expect(response.getByText('Streaming…')).toBeVisible();
    await docker(lab.engineA.socketPath, 'kill', '-s', 'USR1', name).catch(() => undefined);
    await expect(response.getByLabel('Response stream')).toContainText('"Action"');
    await shot(page, 'console-stream');
    await response.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(response.getByText('Stream ended')).toBeVisible();

    // A read-only host: the restart never reaches the engine; the policy says why.
    const started = await docker(lab.engineA.socketPath, 'inspect', '-f', '{{.State.StartedAt}}', name);
    await openConsole(READ_ONLY);
    await method.selectOption('POST');
    await path.fill(`/containers/${name}/restart`);
    await path.press('Escape');
    await send.click();
    await expect(page.getByRole('alert')).toContainText(/read-only/);
    await shot(page, 'console-refused');
    expect(await docker(lab.engineA.socketPath, 'inspect', '-f', '{{.State.StartedAt}}', name)).toBe(started);

    // A production host: Send waits for the typed name, then the restart goes through.
    await openConsole(PROD);
    await method.selectOption('POST');
    await path.fill(`/containers/${name}/restart`);
    await path.press('Escape');
    await page.getByRole('button', { name: 'Add query parameter' }).click();
    await page.getByRole('textbox', { name: 'Query parameter 1 name' }).fill('t');
    await page.getByRole('textbox', { name: 'Query parameter 1 value' }).fill('0');
    await expect(send).toBeDisabled();
    await page.getByLabel(`${PROD} is a production host: type its name to send this POST`).fill(PROD);
    await expect(send).toBeEnabled();
    await shot(page, 'console-production');
    await send.click();
    await expect(response.getByLabel('Status 204')).toBeVisible();
    expect(await docker(lab.engineA.socketPath, 'inspect', '-f', '{{.State.StartedAt}}', name)).not.toBe(
      started,
    );
  });
});
