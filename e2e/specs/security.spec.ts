import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { AppError } from '@shared/contract';
import { connectWs } from '../../test/integration/support/ws-client';
import { docker, loadLab, uniqueName, type Lab } from '../support/lab';
import { startWebApp, type WebApp } from '../support/web-app';

let lab: Lab;
let app: WebApp;
let sock: string;
let ws: Awaited<ReturnType<typeof connectWs>>;
const made: string[] = [];
const RO_HOST = 'lab-a-readonly';
const PROD_HOST = 'lab-a-production';
/** A running container on engine A that the read-only host must never touch. */
const guarded = uniqueName('sec-guarded');
/** A stopped container removed through the production host. */
const doomed = uniqueName('sec-doomed');
let doomedId = '';
/** Engine events that a stop, a forced remove or an exec would produce on the guarded container. */
const REFUSED_CALL_EVENTS = ['kill', 'die', 'stop', 'destroy', 'exec_create', 'exec_start'];

async function makeContainer(name: string, ...runArgs: string[]): Promise<string> {
  made.push(name);
  return docker(sock, ...runArgs, '--label', 'berthmaster.test=1', '--name', name, lab.image, 'sleep', '600');
}

test.beforeAll(async () => {
  lab = loadLab();
  sock = lab.engineA.socketPath;
  app = await startWebApp();
  ws = await connectWs(Number(new URL(app.origin).port), app.token);
  await makeContainer(guarded, 'run', '-d', '--stop-timeout', '1');
  doomedId = await makeContainer(doomed, 'create');
  // The production host is set up directly: adding hosts through the form is tested below.
  await ws.api.hosts.add({
    name: PROD_HOST,
    color: '#dc2626',
    endpoint: { kind: 'socket', socketPath: sock },
    policy: 'full',
    production: true,
    labels: [],
  });
});

test.afterAll(async () => {
  ws?.socket.close();
  for (const name of made) await docker(sock, 'rm', '-f', name).catch(() => undefined);
  await app?.stop();
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${name}.png` });
}

function hostButton(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Hosts' }).getByRole('button', { name, exact: true });
}

async function hostId(name: string): Promise<string> {
  const host = (await ws.api.hosts.list({})).find((h) => h.name === name);
  if (!host) throw new Error(`no host ${name}`);
  return host.id;
}

async function state(name: string): Promise<string> {
  return docker(sock, 'inspect', '-f', '{{.State.Status}}', name);
}

test.describe('security UI @security', () => {
  // The lab is shared and the machine busy: UI flows here get more room than the default 60 s.
  test.describe.configure({ timeout: 150_000 });

  test('a read-only host disables what its policy forbids, says why, and refuses direct calls', async ({
    page,
  }) => {
    await page.goto(app.url);
    // By keyboard: pointer clicks on the sidebar's bottom edge are at the mercy of its layout.
    await page.getByRole('button', { name: 'Add host' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add host' });
    await dialog.getByLabel('Name').fill(RO_HOST);
    await dialog.getByLabel('Local socket', { exact: true }).check();
    await dialog.getByLabel('Socket path').fill(sock);
    await dialog.getByRole('radio', { name: /^Read-only/ }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await hostButton(page, RO_HOST).click();

    const header = page.locator('.host-header');
    await expect(header.getByRole('note', { name: 'Read-only host' })).toBeVisible();
    await expect(header.getByRole('note', { name: 'Read-only host' })).toHaveAttribute(
      'title',
      /only looks at this host/,
    );

    const row = page
      .getByRole('table', { name: 'Containers' })
      .getByRole('row', { name: guarded, exact: true });
    await expect(row).toBeVisible();
    const stop = row.getByRole('button', { name: `Stop ${guarded}` });
    const remove = row.getByRole('button', { name: `Remove ${guarded}` });
    const terminal = row.getByRole('button', { name: `Open terminal in ${guarded}` });
    await expect(stop).toBeDisabled();
    await expect(stop).toHaveAccessibleDescription('Read-only host: making changes is not allowed');
    await expect(row.getByRole('button', { name: `Restart ${guarded}` })).toBeDisabled();
    await expect(remove).toBeDisabled();
    await expect(remove).toHaveAccessibleDescription('Read-only host: deleting or pruning is not allowed');
    await expect(terminal).toBeDisabled();
    await expect(terminal).toHaveAccessibleDescription(
      'Read-only host: shells and attaching are not allowed',
    );
    await expect(page.getByRole('button', { name: 'Run container' })).toBeDisabled();
    await shot(page, 'security-readonly-host');

    // A click that gets through anyway (forced) does nothing: no dialog, no call.
    await stop.click({ force: true });
    await remove.click({ force: true });
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // The menu keeps only what needs no change.
    await row.getByRole('button', { name: `More actions for ${guarded}` }).click();
    const menu = page.getByRole('menu', { name: `Actions for ${guarded}` });
    await expect(menu.getByRole('menuitem')).toHaveText(['Details']);
    await menu.getByRole('menuitem', { name: 'Details' }).click();
    await page.getByRole('tab', { name: 'Terminal' }).click();
    await expect(page.getByText('Terminal is unavailable')).toBeVisible();
    await expect(page.getByText('Read-only host: shells and attaching are not allowed.')).toBeVisible();
    await shot(page, 'security-readonly-terminal');

    // Straight over the WebSocket, past the UI: refused before the engine is asked.
    const id = await hostId(RO_HOST);
    const since = Math.floor(Date.now() / 1000) - 1;
    for (const call of [
      () => ws.api.containers.stop({ hostId: id, id: guarded }),
      () => ws.api.containers.remove({ hostId: id, id: guarded, force: true }),
      () => ws.api.exec.open({ hostId: id, containerId: guarded, cols: 80, rows: 24 }),
    ]) {
      const err = await call().then(
        () => undefined,
        (e: AppError) => e,
      );
      expect(err?.code).toBe('PERMISSION_DENIED');
      expect(err?.message).toMatch(/read-only/);
    }
    const until = Math.floor(Date.now() / 1000) + 1;
    await new Promise((r) => setTimeout(r, 1100));
    const events = await docker(
      sock,
      'events',
      '--since',
      String(since),
      '--until',
      String(until),
      '--filter',
      `container=${guarded}`,
      // Only what the refused calls would cause: the window may also hold the start from
      // beforeAll when the steps above run within a second of it.
      ...REFUSED_CALL_EVENTS.flatMap((e) => ['--filter', `event=${e}`]),
    );
    expect(events).toBe('');
    expect(await state(guarded)).toBe('running');
  });

  test('a production host asks for the typed name before removing', async ({ page }) => {
    await page.goto(app.url);
    await hostButton(page, PROD_HOST).click();
    await page.getByRole('radio', { name: 'All' }).check();
    const row = page
      .getByRole('table', { name: 'Containers' })
      .getByRole('row', { name: doomed, exact: true });
    await row.getByRole('button', { name: `Remove ${doomed}` }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Remove', exact: true });
    await expect(confirm).toBeDisabled();
    const typed = dialog.getByLabel(`Type ${doomed} to confirm`);
    await typed.fill('not-the-name');
    await expect(confirm).toBeDisabled();
    await typed.fill(doomed);
    await expect(confirm).toBeEnabled();
    await shot(page, 'security-production-confirm');
    await confirm.click();
    await expect(row).toHaveCount(0);
    await expect(docker(sock, 'inspect', doomed)).rejects.toThrow(/No such object/);
  });

  test('the audit page lists mutations with their outcome, live, and exports them', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Audit log' }).click();
    const table = page.getByRole('table', { name: 'Audit entries' });
    const removed = table.getByRole('row', { name: new RegExp(`^containers\\.remove .*${doomedId}`) });
    await expect(removed).toBeVisible();
    await expect(removed.getByRole('cell').nth(1)).toHaveText(PROD_HOST);
    await expect(removed.getByText('OK', { exact: true })).toBeVisible();
    const refused = table.getByRole('row', { name: new RegExp(`^containers\\.stop .*${guarded}`) });
    await expect(refused.getByText('Failed', { exact: true })).toBeVisible();
    await expect(refused.getByText(/PERMISSION_DENIED/)).toBeVisible();

    // Live: a change made elsewhere appears without reloading.
    const live = uniqueName('sec-live');
    await makeContainer(live, 'create');
    await ws.api.containers.start({ hostId: await hostId(PROD_HOST), id: live });
    const started = table.getByRole('row', { name: new RegExp(`^containers\\.start .*${live}`) });
    await expect(started.getByText('OK', { exact: true })).toBeVisible();

    // Filters: only failures, then only the production host.
    await page.getByLabel('Outcome').selectOption('error');
    await expect(refused).toBeVisible();
    await expect(removed).toHaveCount(0);
    await shot(page, 'security-audit-failed');
    await page.getByLabel('Outcome').selectOption('');
    await page.getByLabel('Host', { exact: true }).selectOption({ label: PROD_HOST });
    await expect(removed).toBeVisible();
    await expect(refused).toHaveCount(0);
    await page.getByLabel('Search the audit log').fill(doomedId.slice(0, 12));
    await expect(table.getByRole('row')).toHaveCount(2); // header + the removal
    await shot(page, 'security-audit-filtered');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^berthmaster-audit-\d{8}-\d{6}\.csv$/);
    const csvText = readFileSync((await csv.path()) ?? '', 'utf8')
      .trim()
      .split('\r\n');
    expect(csvText[0]).toBe('time,host,hostId,action,target,outcome,error');
    expect(csvText).toHaveLength(2);
    expect(csvText[1]).toContain(`,${PROD_HOST},`);
    expect(csvText[1]).toContain(`containers.remove,id=${doomedId},ok,`);

    await page.getByLabel('Search the audit log').fill('');
    await page.getByLabel('Host', { exact: true }).selectOption('');
    const [jsonl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON Lines' }).click(),
    ]);
    const lines = readFileSync((await jsonl.path()) ?? '', 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { action: string; target: string; outcome: string; error?: string });
    expect(lines).toContainEqual(
      expect.objectContaining({ action: 'containers.stop', target: `id=${guarded}`, outcome: 'error' }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ action: 'containers.start', target: `id=${live}`, outcome: 'ok' }),
    );
    await page.getByRole('button', { name: 'Export JSON Lines' }).hover();
    await shot(page, 'security-audit');
  });
});
