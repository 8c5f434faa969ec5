import { promises as fs } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { connectWs } from '../../test/integration/support/ws-client';
import { docker, loadLab, uniqueName, type Lab } from '../support/lab';
import { startWebApp, type WebApp } from '../support/web-app';
import { freeHostPort } from '../../test/integration/support/host-ports';

let lab: Lab;
let app: WebApp;
const volume = uniqueName('mob-vol');
const web = uniqueName('mob-web');
const webVolume = uniqueName('mob-webvol');
const hidden = uniqueName('mob-fwd');
const restored = uniqueName('mob-restored');
const cloned = uniqueName('mob-clone');
const clonedVolume = uniqueName('mob-clonevol');
const project = uniqueName('mobstk').toLowerCase();
const projectPort = freeHostPort();
const backupFile = `/tmp/${uniqueName('mob-backup')}.tar`;
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
  // A two-service compose project on A with data in a named volume, deployed by the app.
  const hosts = await api.hosts.list({});
  const local = hosts.find((h) => h.name === 'local');
  if (!local) throw new Error('no local host in the web app');
  const { taskId } = await api.stacks.up({
    hostId: local.id,
    project,
    composeYaml: `services:
  web:
    image: ${lab.image}
    command: ["httpd", "-f", "-p", "80", "-h", "/www"]
    ports: ["${projectPort}:80"]
    volumes: ["data:/www"]
    labels: { berthmaster.test: "1" }
  worker:
    image: ${lab.image}
    command: ["sleep", "3600"]
    labels: { berthmaster.test: "1" }
volumes:
  data:
    labels: { berthmaster.test: "1" }
`,
  });
  await waitTask(api, taskId);
  socket.close();
  const A = lab.engineA.socketPath;
  await docker(
    A,
    'run',
    '--rm',
    '-v',
    `${project}_data:/www`,
    lab.image,
    'sh',
    '-c',
    'echo stack page > /www/index.html',
  );
  await docker(A, 'volume', 'create', ...LABEL, restored);
  await docker(A, 'volume', 'create', ...LABEL, clonedVolume);
  await docker(
    A,
    'run',
    '-d',
    ...LABEL,
    '--name',
    cloned,
    '-v',
    `${clonedVolume}:/www`,
    lab.image,
    ...httpd('cloned page'),
  );
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
    for (const c of [web, hidden, cloned]) await docker(sock, 'rm', '-f', '-v', c).catch(() => undefined);
    const ids = await docker(
      sock,
      'ps',
      '-aq',
      '--filter',
      `label=com.docker.compose.project=${project}`,
    ).catch(() => '');
    if (ids) await docker(sock, 'rm', '-f', ...ids.split('\n')).catch(() => undefined);
    await docker(sock, 'network', 'rm', `${project}_default`).catch(() => undefined);
    for (const v of [volume, webVolume, restored, clonedVolume, `${project}_data`])
      await docker(sock, 'volume', 'rm', '-f', v).catch(() => undefined);
  }
  await fs.rm(backupFile, { force: true });
  await app?.stop();
});

type Api = Awaited<ReturnType<typeof connectWs>>['api'];

/** Resolves when a task (started over the API) has succeeded. */
function waitTask(api: Api, taskId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const sub = api.tasks.watch(
      {},
      {
        onEvent(ev) {
          const tasks = ev.type === 'snapshot' ? ev.tasks : ev.type === 'upsert' ? [ev.task] : [];
          const t = tasks.find((x) => x.id === taskId);
          if (!t || t.state === 'running') return;
          sub.close();
          if (t.state === 'succeeded') resolve();
          else reject(new Error(`task ${t.title} ${t.state}: ${t.error?.message ?? ''}`));
        },
        onEnd: (err) => reject(err ?? new Error('tasks.watch ended')),
      },
    );
  });
}

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
  test('backs a volume up to a file and restores it into another volume @mobility', async ({ page }) => {
    await openLocal(page, 'Volumes');
    const table = page.getByRole('table', { name: 'Volumes' });
    await table
      .getByRole('row', { name: volume, exact: true })
      .getByRole('button', { name: `Back up ${volume} to a file` })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Back up volume to a file' });
    await dialog.getByRole('textbox', { name: 'File' }).fill(backupFile);
    await dialog.getByRole('button', { name: 'Back up', exact: true }).click();
    const live = page.getByRole('dialog', { name: `Backing up ${volume}` });
    await expect(live.getByRole('button', { name: 'Done' })).toBeVisible({ timeout: 90_000 });
    await shot(page, 'volume-backup');
    await live.getByRole('button', { name: 'Done' }).click();
    expect((await fs.stat(backupFile)).size).toBeGreaterThan(50 * 1024 * 1024);

    await table
      .getByRole('row', { name: restored, exact: true })
      .getByRole('button', { name: `Restore ${restored} from a file` })
      .click();
    const restore = page.getByRole('dialog', { name: 'Restore volume from a file' });
    await restore.getByRole('textbox', { name: 'File' }).fill(backupFile);
    await restore.getByRole('button', { name: 'Restore', exact: true }).click();
    const restoring = page.getByRole('dialog', { name: `Restoring into ${restored}` });
    await expect(restoring.getByRole('button', { name: 'Done' })).toBeVisible({ timeout: 90_000 });
    await shot(page, 'volume-restore');
    await restoring.getByRole('button', { name: 'Done' }).click();
    const size = await docker(
      lab.engineA.socketPath,
      'run',
      '--rm',
      '-v',
      `${restored}:/v`,
      lab.image,
      'sh',
      '-c',
      'wc -c < /v/blob',
    );
    expect(Number(size)).toBe(50 * 1024 * 1024);
  });

  test('clones a container to the other host and keeps the source running @mobility', async ({ page }) => {
    await openLocal(page, 'Containers');
    const row = page
      .getByRole('table', { name: 'Containers' })
      .getByRole('row', { name: cloned, exact: true });
    await row.getByRole('button', { name: `More actions for ${cloned}` }).click();
    await page
      .getByRole('menu', { name: `Actions for ${cloned}` })
      .getByRole('menuitem', { name: 'Clone to host…' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Clone container to another host' });
    await expect(dialog.getByRole('region', { name: 'Preflight' })).toContainText(`Volume ${clonedVolume}`, {
      timeout: 30_000,
    });
    await dialog.getByRole('button', { name: 'Clone', exact: true }).click();
    const live = page.getByRole('dialog', { name: `Cloning ${cloned} to lab-b` });
    await expect(live.getByRole('button', { name: 'Done' })).toBeVisible({ timeout: 90_000 });
    await expect(live.getByRole('status')).not.toContainText(/failed|Couldn't/i);
    await shot(page, 'clone-done');
    await live.getByRole('button', { name: 'Done' }).click();
    for (const sock of [lab.engineA.socketPath, lab.engineB.socketPath]) {
      expect(await docker(sock, 'inspect', '-f', '{{.State.Running}}', cloned)).toBe('true');
    }
    expect(await docker(lab.engineB.socketPath, 'exec', cloned, 'cat', '/www/index.html')).toBe(
      'cloned page',
    );
  });

  test('clones a compose project to the other host from its stack row @mobility', async ({ page }) => {
    await openLocal(page, 'Stacks');
    await page.getByRole('button', { name: `Move / clone… ${project}` }).click();
    const dialog = page.getByRole('dialog', { name: `Move or clone project ${project}` });
    const preflight = dialog.getByRole('region', { name: 'Preflight' });
    await expect(preflight).toContainText(`Volume ${project}_data`, { timeout: 30_000 });
    await expect(preflight).toContainText('the one Berthmaster keeps for this project');
    await shot(page, 'stack-preflight');
    await dialog.getByRole('button', { name: 'Clone', exact: true }).click();
    const live = page.getByRole('dialog', { name: `Cloning ${project} to lab-b` });
    await expect(live.getByRole('button', { name: 'Done' })).toBeVisible({ timeout: 120_000 });
    await expect(live.getByRole('status')).not.toContainText(/failed|Couldn't/i);
    await shot(page, 'stack-clone-done');
    await live.getByRole('button', { name: 'Done' }).click();
    const res = await page.request.get(`http://${lab.engineB.tlsHost}:${projectPort}/index.html`);
    expect(await res.text()).toBe('stack page\n');
    const states = await docker(
      lab.engineA.socketPath,
      'ps',
      '--filter',
      `label=com.docker.compose.project=${project}`,
      '--format',
      '{{.State}}',
    );
    expect(states.split('\n')).toEqual(['running', 'running']);
  });
});
