import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { TaskView } from '@shared/contract';
import { expect, test, type Page } from '@playwright/test';
import { connectWs } from '../../test/integration/support/ws-client';
import { deleteFromRegistry } from '../../test/integration/support/images-backend';
import { docker, loadLab, uniqueName, type Lab } from '../support/lab';
import { startWebApp, type WebApp } from '../support/web-app';

let lab: Lab;
let app: WebApp;
type WsApi = Awaited<ReturnType<typeof connectWs>>['api'];
let api: WsApi;
let closeSocket: () => void;
let localId = '';
/** Unique to this run: every container carries it as a label, every name starts with it. */
const token = uniqueName('fleet');
const RUN_LABEL = `berthmaster.test.fleet=${token}`;
const repo = uniqueName('berthmaster-test-fleet-e2e');
let ref = '';
const imageIds: string[] = [];

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/fleet-${name}.png` });
}

async function run(socket: string, name: string, ...args: string[]): Promise<void> {
  await docker(
    socket,
    'run',
    '-d',
    '--label',
    'berthmaster.test=1',
    '--label',
    RUN_LABEL,
    '--name',
    name,
    ...args,
  );
}

function pageButton(page: Page, name: RegExp | string) {
  return page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name });
}

/** Builds an image from a Dockerfile given as text (no context) with the legacy builder. */
function buildImage(socketPath: string, tag: string, dockerfile: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', ['-H', `unix://${socketPath}`, 'build', '-q', '-t', tag, '-'], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', DOCKER_BUILDKIT: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`docker build: ${err}`)),
    );
    child.stdin.end(dockerfile);
  });
}

/** Follows tasks.watch until the task has finished. */
function waitForTask(taskId: string): Promise<TaskView> {
  return new Promise((resolve, reject) => {
    const check = (t: TaskView) => {
      if (t.id !== taskId || t.state === 'running') return;
      sub.close();
      resolve(t);
    };
    const sub = api.tasks.watch(
      {},
      {
        onEvent: (ev) =>
          ev.type === 'snapshot' ? ev.tasks.forEach(check) : ev.type === 'upsert' && check(ev.task),
        onEnd: (err) => reject(err ?? new Error('tasks.watch ended')),
      },
    );
  });
}

async function push(): Promise<void> {
  const { taskId } = await api.images.push({ hostId: localId, reference: ref });
  expect(await waitForTask(taskId)).toMatchObject({ state: 'succeeded' });
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  lab = loadLab();
  ref = `${lab.registry.address}/${repo}:app`;
  // Desktop notifications are recorded by the page (see the alert test's init script).
  app = await startWebApp();
  const ws = await connectWs(Number(new URL(app.origin).port), app.token);
  api = ws.api;
  closeSocket = () => ws.socket.close();
  const first = (await api.hosts.list({}))[0];
  if (!first || first.endpoint.kind !== 'socket') throw new Error('no local host');
  // The user confirms the socket is this computer's engine: registry logins may be used on it.
  localId = (
    await api.hosts.update({
      id: first.id,
      endpoint: { kind: 'socket', socketPath: first.endpoint.socketPath, localEngine: true },
    })
  ).id;
  await api.hosts.add({
    name: 'lab-b-tls',
    color: '#10b981',
    endpoint: {
      kind: 'tls',
      host: lab.engineB.tlsHost,
      port: lab.engineB.tlsPort,
      ca: readFileSync(lab.tls.ca, 'utf8'),
      cert: readFileSync(lab.tls.cert, 'utf8'),
      key: readFileSync(lab.tls.key, 'utf8'),
    },
  });
  await api.registries.add({
    address: lab.registry.address,
    username: lab.registry.username,
    secret: lab.registry.password,
  });
  // A container without a healthcheck must keep running this long after an update.
  await api.fleet.configure({ updates: { graceSeconds: 3 } });
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  for (const sock of [lab.engineA.socketPath, lab.engineB.socketPath]) {
    const ids = (await docker(sock, 'ps', '-aq', '--filter', `label=${RUN_LABEL}`).catch(() => ''))
      .split('\n')
      .filter(Boolean);
    if (ids.length) await docker(sock, 'rm', '-f', ...ids).catch(() => undefined);
  }
  const tagged = await docker(
    lab.engineA.socketPath,
    'images',
    '-q',
    `${lab.registry.address}/${repo}`,
  ).catch(() => '');
  for (const id of new Set([...tagged.split('\n').filter(Boolean), ...imageIds]))
    await docker(lab.engineA.socketPath, 'rmi', '-f', id).catch(() => undefined);
  if (ref) await deleteFromRegistry(lab, repo, 'app').catch(() => undefined);
  closeSocket?.();
  await app?.stop();
});

test('an update that crashes is rolled back and says why @fleet', async ({ page }) => {
  test.setTimeout(150_000);
  const name = `${token}-upd`;
  const dockerfile = (v: string, cmd: string) =>
    `FROM ${lab.image}\nLABEL berthmaster.test=1 version=${v}\nCMD ${cmd}\n`;
  const v1 = await buildImage(lab.engineA.socketPath, ref, dockerfile('1', '["sleep", "3600"]'));
  imageIds.push(v1);
  await push();
  await run(lab.engineA.socketPath, name, ref);
  // v2 exits at once; it is pushed, and the engine's tag goes back to v1 as if v2 came from elsewhere.
  const v2 = await buildImage(lab.engineA.socketPath, ref, dockerfile('2', '["sh", "-c", "exit 3"]'));
  imageIds.push(v2);
  await push();
  await docker(lab.engineA.socketPath, 'tag', v1, ref);

  await page.goto(app.url);
  await page
    .getByRole('navigation', { name: 'Hosts' })
    .getByRole('button', { name: 'local', exact: true })
    .click();
  const table = page.getByRole('table', { name: 'Containers' });
  await expect(table.getByRole('row', { name, exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Check now' }).click();
  const badge = table.getByRole('row', { name, exact: true }).getByRole('button', { name: `Update ${name}` });
  await expect(badge).toBeVisible({ timeout: 60_000 });
  // The filter keeps only containers with an update.
  await page.getByRole('checkbox', { name: /Updates available/ }).check();
  await expect(table.getByRole('row', { name, exact: true })).toBeVisible();
  await expect(table.getByRole('row')).not.toHaveCount(0);
  await shot(page, 'update-badges');

  await badge.click();
  const dialog = page.getByRole('dialog', { name: `Update ${name}` });
  await expect(dialog.getByRole('list', { name: 'Update plan' })).toContainText(
    'Can roll back to its current image',
  );
  await shot(page, 'update-preflight');
  await dialog.getByRole('button', { name: 'Update', exact: true }).click();

  const results = page.getByRole('dialog', { name: /Updat/ }).getByRole('list', { name: 'Update results' });
  const outcome = results.getByRole('listitem', { name: `Update of ${name}` });
  await expect(outcome).toContainText(/Rolled back .*exit code 3/, { timeout: 120_000 });
  await expect(page.getByRole('dialog', { name: 'Update finished' })).toBeVisible();
  await shot(page, 'update-rollback');
  // The container runs its previous image again.
  const after = JSON.parse(await docker(lab.engineA.socketPath, 'inspect', name))[0];
  expect(after.Image).toBe(v1);
  expect(after.State.Running).toBe(true);
  await page
    .getByRole('dialog', { name: 'Update finished' })
    .getByRole('button', { name: 'Close' })
    .first()
    .click();
  await page.getByRole('checkbox', { name: /Updates available/ }).uncheck();
});

test('a container exiting non-zero raises an alert and a desktop notification @fleet', async ({ page }) => {
  await page.addInitScript(() => {
    const notes: string[] = [];
    (window as unknown as { __notes: string[] }).__notes = notes;
    class FakeNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      constructor(title: string) {
        notes.push(title);
      }
    }
    (window as unknown as { Notification: unknown }).Notification = FakeNotification;
  });
  await page.goto(app.url);
  await pageButton(page, /^Alerts/).click();
  await expect(
    page.getByRole('region', { name: 'Alerts' }).getByRole('heading', { name: 'Alerts' }),
  ).toBeVisible();
  const name = `${token}-exit`;
  await run(lab.engineA.socketPath, name, lab.image, 'sh', '-c', 'sleep 1; exit 7');
  const list = page.getByRole('list', { name: 'Alerts, newest first' });
  const row = list
    .getByRole('listitem')
    .filter({ hasText: name })
    .filter({ hasText: 'Exited with an error' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('7');
  await expect(pageButton(page, /^Alerts/)).toContainText(/\d/);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __notes: string[] }).__notes.join('\n')))
    .toContain(name);
  await page.getByRole('button', { name: 'Alert settings' }).click();
  await expect(page.getByRole('form', { name: 'Alert settings' })).toBeVisible();
  await shot(page, 'alerts');
  await row.getByRole('button', { name: /^Acknowledge/ }).click();
  await expect(row).toContainText('Acknowledged');
});

test('merged logs of two containers on two hosts, in time order and tagged @fleet', async ({ page }) => {
  const script = (tag: string) =>
    `for i in $(seq 1 40); do echo "${tag} line $i"; sleep 0.25; done; sleep 600`;
  const a = `${token}-ma`;
  const b = `${token}-mb`;
  const mergeLabel = `berthmaster.test.fleet.merged=${token}`;
  await run(lab.engineA.socketPath, a, '--label', mergeLabel, lab.image, 'sh', '-c', script('alpha'));
  await run(lab.engineB.socketPath, b, '--label', mergeLabel, lab.image, 'sh', '-c', script('beta'));

  await page.goto(app.url);
  await pageButton(page, 'Merged logs').click();
  const picker = page.getByRole('form', { name: 'Containers to follow' });
  await picker.getByRole('radio', { name: 'Label' }).check();
  await picker.getByRole('textbox', { name: 'Label' }).fill(mergeLabel);
  await picker.getByRole('button', { name: 'Follow' }).click();
  const members = page.getByRole('list', { name: 'Followed containers' });
  await expect(members).toContainText(`local/${a}`);
  await expect(members).toContainText(`lab-b-tls/${b}`);
  const log = page.getByRole('log', { name: 'Merged log lines' });
  await expect(log).toContainText('alpha line 12');
  await expect(log).toContainText('beta line 12');
  await expect(log.locator('.merged-row', { hasText: 'alpha line 3' }).locator('.merged-tag')).toHaveText(
    `local/${a}`,
  );
  // Lines are in timestamp order across both containers.
  const stamps = await log
    .locator('.merged-row .log-ts')
    .evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''));
  expect(stamps.length).toBeGreaterThan(10);
  expect([...stamps].sort()).toEqual(stamps);
  // The log viewer's search works on the merged lines.
  const search = page.getByRole('searchbox', { name: 'Search logs' });
  await search.fill('beta line 7');
  await expect(page.getByText('– of 1', { exact: true })).toBeVisible();
  await search.press('Enter');
  await expect(page.getByText('1 of 1', { exact: true })).toBeVisible();
  await expect(log.locator('mark.is-current', { hasText: 'beta line 7' })).toBeVisible();
  await shot(page, 'merged-logs');
  await page.getByRole('searchbox', { name: 'Search logs' }).fill('');
  await picker.getByRole('button', { name: 'Stop' }).click();
});

test('the overview shows update totals and per-host charts; a chart opens its host @fleet', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(app.url);
  await pageButton(page, 'Overview').click();
  const totals = page.getByRole('group', { name: 'Fleet totals' });
  await expect(totals).toContainText(/[1-9]\d* updates? available/);
  await expect(page.getByRole('button', { name: 'Open local' })).toContainText('↑');
  const local = page.getByRole('region', { name: 'local last hour' });
  await expect(page.getByRole('region', { name: 'lab-b-tls last hour' })).toBeVisible();
  // The first sample arrives within one step (10 s): the value and the top lists fill in.
  await expect(local.getByRole('button', { name: 'CPU of local, open host' })).toContainText('%', {
    timeout: 30_000,
  });
  await expect(local.getByRole('list', { name: 'Top memory' }).getByRole('listitem').first()).toBeVisible();
  // Two samples draw a line (10 s apart).
  await expect(local).toHaveAttribute('data-samples', /^([2-9]|\d\d+)$/, { timeout: 30_000 });
  await shot(page, 'overview');
  await local.getByRole('button', { name: 'Memory of local, open host' }).click();
  await expect(page.getByRole('table', { name: 'Containers' })).toBeVisible();
});
