import { promises as fs } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { connectWs } from '../../test/integration/support/ws-client';
import { docker, loadLab, uniqueName, type Lab } from '../support/lab';
import { startWebApp, type WebApp } from '../support/web-app';

let lab: Lab;
let app: WebApp;
const volume = uniqueName('mob-vol');
const web = uniqueName('mob-web');
const webVolume = uniqueName('mob-webvol');
const hidden = uniqueName('mob-fwd');
const LABEL = ['--label', 'berthmaster.test=1'];

/** busybox httpd serving `text` from /www, on port 80, published nowhere. */
function httpd(text: string): string[] {
  return ['sh', '-c', `echo '${text}' > /www/index.html && exec httpd -f -p 80 -h /www`];
}

test.beforeAll(async () => {
  lab = loadLab();
  app = await startWebApp();
  // Engine B over TLS, added the way the UI would (over the same API).
  const { api, socket } = await connectWs(Number(new URL(app.origin).port), app.token);
  const read = (f: string) => fs.readFile(f, 'utf8');
  await api.hosts.add({
    name: 'lab-b',
    color: '#10b981',
    endpoint: {
      kind: 'tls',
      host: lab.engineB.tlsHost,
      port: lab.engineB.tlsPort,
      ca: await read(lab.tls.ca),
      cert: await read(lab.tls.cert),
      key: await read(lab.tls.key),
    },
  });
  socket.close();
  const A = lab.engineA.socketPath;
  // ~50 MB of random bytes, so the copy's progress has time to show.
  await docker(A, 'volume', 'create', ...LABEL, volume);
  await docker(
    A,
    'run',
    '--rm',
    ...LABEL,
    '-v',
    `${volume}:/v`,
    lab.image,
    'dd',
    'if=/dev/urandom',
    'of=/v/blob',
    'bs=1M',
    'count=50',
  );
  await docker(A, 'volume', 'create', ...LABEL, webVolume);
  await docker(
    A,
    'run',
    '-d',
    ...LABEL,
    '--name',
    web,
    '-v',
    `${webVolume}:/www`,
    lab.image,
    ...httpd('moved page'),
  );
  await docker(
    A,
    'run',
    '-d',
    ...LABEL,
    '--name',
    hidden,
    '--expose',
    '80',
    '-v',
    '/www',
    lab.image,
    ...httpd('forwarded page'),
  );
});

test.afterAll(async () => {
  for (const sock of [lab.engineA.socketPath, lab.engineB.socketPath]) {
    for (const c of [web, hidden]) await docker(sock, 'rm', '-f', '-v', c).catch(() => undefined);
    for (const v of [volume, webVolume]) await docker(sock, 'volume', 'rm', '-f', v).catch(() => undefined);
  }
  await app?.stop();
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/mobility-${name}.png` });
}

async function openLocal(page: Page, section: string) {
  await page.goto(app.url);
  await page
    .getByRole('navigation', { name: 'Hosts' })
    .getByRole('button', { name: 'local', exact: true })
    .click();
  await page.getByRole('tab', { name: section }).click();
}

test.describe.serial('moving work between hosts @mobility', () => {
  // Real bytes move between real engines.
  test.setTimeout(120_000);

  test('copies a volume to the other host with progress and throughput @mobility', async ({ page }) => {
    await openLocal(page, 'Volumes');
    const row = page.getByRole('table', { name: 'Volumes' }).getByRole('row', { name: volume, exact: true });
    await row.getByRole('button', { name: `Copy ${volume} to another host` }).click();
    const dialog = page.getByRole('dialog', { name: 'Copy volume to another host' });
    const preflight = dialog.getByRole('region', { name: 'Preflight' });
    await expect(preflight).toContainText('Size:', { timeout: 30_000 });
    await expect(preflight).toContainText('Name free on lab-b');
    await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
    const live = page.getByRole('dialog', { name: `Copying ${volume} to lab-b` });
    await expect(live.getByRole('progressbar')).toBeVisible();
    await expect(live.getByLabel('Transfer')).toContainText(/MiB/);
    await shot(page, 'volume-copy');
    await expect(live.getByRole('button', { name: 'Done' })).toBeVisible({ timeout: 90_000 });
    await expect(live.getByLabel('Transfer')).toContainText(/\/s/);
    // The bytes arrived on B.
    const size = await docker(
      lab.engineB.socketPath,
      'run',
      '--rm',
      '-v',
      `${volume}:/v`,
      lab.image,
      'sh',
      '-c',
      'wc -c < /v/blob',
    );
    expect(Number(size)).toBe(50 * 1024 * 1024);
    await live.getByRole('button', { name: 'Done' }).click();
  });

  test('moves a container with its volume to the other host @mobility', async ({ page }) => {
    await openLocal(page, 'Containers');
    const row = page.getByRole('table', { name: 'Containers' }).getByRole('row', { name: web, exact: true });
    await row.getByRole('button', { name: `More actions for ${web}` }).click();
    await page
      .getByRole('menu', { name: `Actions for ${web}` })
      .getByRole('menuitem', { name: 'Move to host…' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Move container to another host' });
    const preflight = dialog.getByRole('region', { name: 'Preflight' });
    await expect(preflight).toContainText(`Volume ${webVolume}`, { timeout: 30_000 });
    await dialog.getByLabel('Remove the source afterwards (otherwise it is only stopped)').check();
    await shot(page, 'move-preflight');
    await dialog.getByRole('button', { name: 'Move', exact: true }).click();
    const live = page.getByRole('dialog', { name: `Moving ${web} to lab-b` });
    await expect(live.getByRole('button', { name: 'Done' })).toBeVisible({ timeout: 90_000 });
    await expect(live.getByRole('status')).not.toContainText(/failed|Couldn't/i);
    await shot(page, 'move-done');
    await live.getByRole('button', { name: 'Done' }).click();
    // Running on B with its page, gone from A.
    expect(await docker(lab.engineB.socketPath, 'inspect', '-f', '{{.State.Running}}', web)).toBe('true');
    const page2 = await docker(lab.engineB.socketPath, 'exec', web, 'cat', '/www/index.html');
    expect(page2).toBe('moved page');
    await expect(docker(lab.engineA.socketPath, 'inspect', web)).rejects.toThrow();
  });

  test('forwards an unpublished port and fetches its page; the Forwards page lists and stops it @mobility', async ({
    page,
  }) => {
    await openLocal(page, 'Containers');
    const row = page
      .getByRole('table', { name: 'Containers' })
      .getByRole('row', { name: hidden, exact: true });
    await row.getByRole('button', { name: `Forward and open ${hidden}:80` }).click();
    const dialog = page.getByRole('dialog', { name: 'Forward a port' });
    await expect(dialog.getByLabel('Container port')).toHaveValue('80');
    await dialog.getByLabel('Relay image').fill(lab.image);
    await dialog.getByRole('button', { name: 'Forward', exact: true }).click();
    const done = page.getByRole('dialog', { name: `Forwarding ${hidden}:80` });
    const link = done.getByRole('link', { name: /^Open http:\/\/127\.0\.0\.1:\d+$/ });
    await expect(link).toBeVisible({ timeout: 30_000 });
    const href = (await link.getAttribute('href')) ?? '';
    const res = await page.request.get(href);
    expect(await res.text()).toBe('forwarded page\n');
    await shot(page, 'forward-open');
    await done.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Forwards' }).click();
    const table = page.getByRole('table', { name: 'Forwards' });
    const tunnel = table.getByRole('row', { name: `${hidden}:80` });
    await expect(tunnel).toContainText(`80 → 127.0.0.1:${new URL(href).port}`);
    await expect(tunnel).toContainText('exec');
    await expect(tunnel).toContainText('1'); // the fetch above
    await shot(page, 'forwards-page');
    await tunnel.getByRole('button', { name: `Stop forward ${hidden}:80` }).click();
    await expect(page.getByText('No forwards')).toBeVisible();
    await expect(page.request.get(href)).rejects.toThrow();
  });
});
