import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { connectWs } from '../../test/integration/support/ws-client';
import { docker, loadLab, uniqueName, type Lab } from '../support/lab';
import { socketProxy, type SocketProxy } from '../support/socket-proxy';
import { startWebApp, type WebApp } from '../support/web-app';

let lab: Lab;
let app: WebApp;
/** Engine B behind a socket this test owns: stopping it is "engine B died" for the app only. */
let proxy: SocketProxy;
const made: string[] = [];
const madeOnB: string[] = [];

test.beforeAll(async () => {
  lab = loadLab();
  proxy = socketProxy(
    path.join(os.tmpdir(), `${uniqueName('berthmaster-live')}.sock`),
    lab.engineB.socketPath,
  );
  await proxy.start();
  app = await startWebApp();
  // Labels group the sidebar: local under "dev", engine B under "production" (and marked so).
  const { api, socket } = await connectWs(Number(new URL(app.origin).port), app.token);
  const [local] = await api.hosts.list({});
  if (local) await api.hosts.update({ id: local.id, labels: ['dev'] });
  await api.hosts.add({
    name: 'lab-b',
    color: '#f59e0b',
    endpoint: { kind: 'socket', socketPath: proxy.path },
    policy: 'full',
    production: true,
    labels: ['production'],
  });
  socket.close();
});

test.afterAll(async () => {
  for (const name of made) await docker(lab.engineA.socketPath, 'rm', '-f', name).catch(() => undefined);
  for (const name of madeOnB) await docker(lab.engineB.socketPath, 'rm', '-f', name).catch(() => undefined);
  await app?.stop();
  await proxy?.stop();
});

async function cliRun(socketPath: string, name: string) {
  await docker(
    socketPath,
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
}

function hostButton(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Hosts' }).getByRole('button', { name, exact: true });
}

function hostDot(page: Page, name: string) {
  return page
    .getByRole('navigation', { name: 'Hosts' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name, exact: true }) })
    .getByRole('img');
}

async function openAllContainers(page: Page) {
  await page.goto(app.url);
  await page
    .getByRole('navigation', { name: 'Pages' })
    .getByRole('button', { name: 'All containers' })
    .click();
  await page.getByRole('radio', { name: 'All' }).check();
  const table = page.getByRole('table', { name: 'Containers on all hosts' });
  await expect(table).toBeVisible();
  return table;
}

test.describe('live state @live', () => {
  test('a container started with the CLI appears in the open list without any user action', async ({
    page,
  }) => {
    await page.goto(app.url);
    await page
      .getByRole('navigation', { name: 'Hosts' })
      .getByRole('button', { name: 'local', exact: true })
      .click();
    // The engine may hold no container yet (the list then shows its empty state, not a table).
    const table = page.getByRole('table', { name: 'Containers' });
    const search = page.getByRole('searchbox', { name: 'Search containers' });
    await expect(search).toBeVisible();
    const name = uniqueName('live');
    made.push(name);
    // Searched first: the list is virtualized and the shared engine may hold 1,000s of containers.
    await search.fill(name);
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

  test('all containers lists both engines with a host column, live, with the per-host actions', async ({
    page,
  }) => {
    // Many steps against two engines; `docker stop` alone waits 10 s for sleep to ignore SIGTERM.
    test.setTimeout(150_000);
    // One prefix for this test's containers: searching it shows just them, across both hosts.
    const run = uniqueName('lv');
    const onA = `${run}-a`;
    const goneA = `${run}-gone`;
    // Created, never started: nothing on B (another suite restarts engine B) can change its state.
    const onB = `${run}-b`;
    made.push(onA, goneA);
    madeOnB.push(onB);
    await cliRun(lab.engineA.socketPath, onA);
    await cliRun(lab.engineA.socketPath, goneA);
    await docker(
      lab.engineB.socketPath,
      'create',
      '--label',
      'berthmaster.test=1',
      '--name',
      onB,
      lab.image,
      'true',
    );
    const table = await openAllContainers(page);
    // Only this test's containers (other suites fill the shared engines; the list is virtualized).
    const search = page.getByRole('searchbox', { name: 'Search containers' });
    await search.fill(run);
    const rowA = table.getByRole('row', { name: onA, exact: true });
    const rowB = table.getByRole('row', { name: onB, exact: true });
    await expect(rowA).toBeVisible();
    await expect(rowB).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Host' })).toBeVisible();
    await expect(rowA.getByRole('cell').nth(1)).toHaveText('local');
    await expect(rowB.getByRole('cell').nth(1)).toHaveText('lab-b');

    // Live: containers made or removed with the CLI on either engine appear and go, no refresh.
    const later = `${run}-b2`;
    madeOnB.push(later);
    await cliRun(lab.engineB.socketPath, later);
    await expect(table.getByRole('row', { name: later, exact: true })).toBeVisible({ timeout: 5_000 });
    await docker(lab.engineA.socketPath, 'rm', '-f', goneA);
    await expect(table.getByRole('row', { name: goneA, exact: true })).toHaveCount(0, { timeout: 5_000 });

    // The same search as the per-host list, across hosts.
    await search.fill(`${run}-b`);
    await expect(rowB).toBeVisible();
    await expect(table.getByRole('row', { name: later, exact: true })).toBeVisible();
    await expect(rowA).toHaveCount(0);
    await search.fill(run);
    await expect(rowA).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(4);

    // Sidebar: grouped by first label, production marked, groups collapse, Ctrl+2 follows the order.
    const nav = page.getByRole('navigation', { name: 'Hosts' });
    const prodGroup = nav.getByRole('button', { name: /^production/ });
    await expect(nav.getByRole('button', { name: /^dev/ })).toHaveAttribute('aria-expanded', 'true');
    await expect(prodGroup).toHaveAttribute('aria-expanded', 'true');
    await expect(
      nav.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'lab-b', exact: true }) }),
    ).toContainText('prod');
    await page.screenshot({ path: 'e2e/screenshots/live-all-containers.png' });
    await prodGroup.click();
    await expect(prodGroup).toHaveAttribute('aria-expanded', 'false');
    await expect(hostButton(page, 'lab-b')).toHaveCount(0);
    await prodGroup.click();
    await expect(hostButton(page, 'lab-b')).toBeVisible();

    // Row actions act on the row's host: stop right away, remove with the production host's rule.
    await rowA.getByRole('button', { name: `Stop ${onA}` }).click();
    await expect(rowA).toContainText('exited', { timeout: 20_000 });
    expect(await docker(lab.engineA.socketPath, 'inspect', '-f', '{{.State.Status}}', onA)).toBe('exited');
    await rowB.getByRole('button', { name: `Remove ${onB}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove container?' });
    await expect(dialog).toContainText('lab-b is a production host');
    const confirm = dialog.getByRole('button', { name: 'Remove' });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(`Type ${onB} to confirm`).fill(onB);
    await confirm.click();
    await expect(rowB).toHaveCount(0, { timeout: 5_000 });
    await expect(docker(lab.engineB.socketPath, 'inspect', onB)).rejects.toThrow();

    // Details open in the container's own host.
    await table.getByRole('button', { name: `Details of ${later}` }).click();
    await expect(hostButton(page, 'lab-b')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { name: later })).toBeVisible();

    await page.keyboard.press('Control+1');
    await expect(hostButton(page, 'local')).toHaveAttribute('aria-current', 'page');
    await page.keyboard.press('Control+2');
    await expect(hostButton(page, 'lab-b')).toHaveAttribute('aria-current', 'page');
  });

  test('a dead engine turns its dot red with a reason, shows a notice row, and recovers by itself', async ({
    page,
  }) => {
    // Many steps against two engines; `docker stop` alone waits 10 s for sleep to ignore SIGTERM.
    test.setTimeout(150_000);
    const run = uniqueName('lv');
    const onA = `${run}-a`;
    const onB = `${run}-b`;
    made.push(onA);
    madeOnB.push(onB);
    await cliRun(lab.engineA.socketPath, onA);
    await cliRun(lab.engineB.socketPath, onB);
    const table = await openAllContainers(page);
    await page.getByRole('searchbox', { name: 'Search containers' }).fill(run);
    await expect(table.getByRole('row', { name: onB, exact: true })).toBeVisible();
    await expect(hostDot(page, 'lab-b')).toHaveAttribute('aria-label', 'connected');

    await proxy.stop();
    try {
      // The heartbeat notices within 10 s; the other host keeps listing.
      await expect(hostDot(page, 'lab-b')).toHaveAttribute('aria-label', /^error: .+/, { timeout: 15_000 });
      await expect(table.getByRole('row', { name: /^lab-b unreachable: .+/ })).toBeVisible();
      await expect(table.getByRole('row', { name: onB, exact: true })).toHaveCount(0);
      await expect(table.getByRole('row', { name: onA, exact: true })).toBeVisible();
      await expect(hostButton(page, 'lab-b')).toHaveAttribute('title', /down since/);
      await page.screenshot({ path: 'e2e/screenshots/live-host-down.png' });
    } finally {
      await proxy.start();
    }
    // No user action: the reconnect backoff (capped at 4 s) brings it back, and its list with it.
    await expect(hostDot(page, 'lab-b')).toHaveAttribute('aria-label', 'connected', { timeout: 15_000 });
    await expect(table.getByRole('row', { name: onB, exact: true })).toBeVisible({ timeout: 5_000 });
    await expect(table.getByRole('row', { name: /unreachable/ })).toHaveCount(0);
  });
});
