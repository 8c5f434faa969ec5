import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { connectWs } from '../../test/integration/support/ws-client';
import { docker, loadLab, uniqueName, type Lab } from '../support/lab';
import { startWebApp, type WebApp } from '../support/web-app';
import { freeHostPort } from '../../test/integration/support/host-ports';

let lab: Lab;
let app: WebApp;
/** Unique to this run: every name starts with it, every container carries it as a label. */
const token = uniqueName('ct');
const RUN_LABEL = `berthmaster.test.containers=${token}`;
const volumes: Array<[string, string]> = [];

test.beforeAll(async () => {
  lab = loadLab();
  app = await startWebApp();
  // The TLS host is added through the API: its form is the foundation's test.
  const { api, socket } = await connectWs(Number(new URL(app.origin).port), app.token);
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
  socket.close();
});

test.afterAll(async () => {
  for (const sock of [lab.engineA.socketPath, lab.engineB.socketPath]) {
    const ids = (await docker(sock, 'ps', '-aq', '--filter', `label=${RUN_LABEL}`))
      .split('\n')
      .filter(Boolean);
    if (ids.length) await docker(sock, 'rm', '-f', ...ids).catch(() => undefined);
  }
  for (const [sock, v] of volumes) await docker(sock, 'volume', 'rm', '-f', v).catch(() => undefined);
  await app?.stop();
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/containers-${name}.png` });
}

function hostButton(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Hosts' }).getByRole('button', { name, exact: true });
}

function table(page: Page) {
  return page.getByRole('table', { name: 'Containers' });
}

function row(page: Page, name: string): Locator {
  return table(page).getByRole('row', { name, exact: true });
}

/** `docker run -d` with this run's labels and a quick stop. */
async function cliRun(sock: string, name: string, extra: string[] = [], cmd = ['sleep', '600']) {
  await docker(
    sock,
    'run',
    '-d',
    '--stop-timeout',
    '1',
    '--name',
    name,
    '--label',
    'berthmaster.test=1',
    '--label',
    RUN_LABEL,
    ...extra,
    lab.image,
    ...cmd,
  );
}

async function search(page: Page, text: string) {
  await page.getByLabel('Search containers').fill(text);
}

/** Fills the run form: a port, an env var, a named volume, this run's labels. */
async function fillRunForm(page: Page, o: { name: string; port: number; volume: string }) {
  const dialog = page.getByRole('dialog', { name: 'Run container' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Image', { exact: true }).fill(lab.image);
  await dialog.getByLabel(/^Name/).fill(o.name);
  await dialog
    .getByLabel(/^Command/)
    .fill(`sh -c "echo served-by-berthmaster > /www/index.html && exec httpd -f -p 80 -h /www"`);
  await dialog.getByRole('button', { name: 'Add port' }).click();
  await dialog.getByLabel('Port 1 host port').fill(String(o.port));
  await dialog.getByLabel('Port 1 container port').fill('80');
  await dialog.getByRole('button', { name: 'Add volume' }).click();
  await dialog.getByLabel('Volume 1 source').fill(o.volume);
  await dialog.getByLabel('Volume 1 container path').fill('/www');
  await dialog.getByRole('button', { name: 'Add variable' }).click();
  await dialog.getByLabel('Variable 1 name').fill('GREETING');
  await dialog.getByLabel('Variable 1 value').fill('hello from the form');
  await dialog.getByRole('button', { name: 'Add label' }).click();
  await dialog.getByLabel('Label 1 key').fill('berthmaster.test');
  await dialog.getByLabel('Label 1 value').fill('1');
  await dialog.getByRole('button', { name: 'Add label' }).click();
  await dialog.getByLabel('Label 2 key').fill(RUN_LABEL.split('=')[0] as string);
  await dialog.getByLabel('Label 2 value').fill(token);
  return dialog;
}

test.describe('containers @containers', () => {
  // Each test drives a real engine through several steps (run, stop, recreate, prune): give them room.
  test.describe.configure({ timeout: 180_000 });
  test('runs a container from the form (port, env var, volume), finds it, opens its details and files', async ({
    page,
  }) => {
    const name = `${token}-web`;
    const volume = `${token}-www`;
    volumes.push([lab.engineA.socketPath, volume]);
    const port = freeHostPort();
    await page.goto(app.url);
    await hostButton(page, 'local').click();
    await page.getByRole('button', { name: 'Run container' }).first().click();
    const dialog = await fillRunForm(page, { name, port, volume });
    await shot(page, 'run-form');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(dialog).toBeHidden();

    // Found by search; its port is a link to the engine's host.
    await search(page, name);
    await expect(table(page).getByRole('row')).toHaveCount(2); // header + this one
    const r = row(page, name);
    await expect(r.getByText('running', { exact: true })).toBeVisible();
    const link = r.getByRole('link', { name: `${port}→80/tcp` });
    await expect(link).toHaveAttribute('href', `http://localhost:${port}`);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noreferrer');
    await expect
      .poll(async () => (await page.request.get(`http://127.0.0.1:${port}/`)).text())
      .toContain('served-by-berthmaster');
    const inspected = JSON.parse(await docker(lab.engineA.socketPath, 'inspect', name))[0];
    expect(inspected.Config.Env).toContain('GREETING=hello from the form');
    expect(inspected.HostConfig.PortBindings['80/tcp']).toEqual([{ HostIp: '', HostPort: String(port) }]);
    expect(inspected.Mounts[0]).toMatchObject({ Type: 'volume', Name: volume, Destination: '/www' });
    await shot(page, 'search');

    // Details: overview with the variable, masked secrets stay masked.
    await r.getByRole('button', { name: `Details of ${name}` }).click();
    const details = page.getByRole('region', { name: `Container ${name}` });
    const env = details.getByRole('list', { name: 'Environment variables' });
    await expect(env).toContainText('GREETING');
    await expect(env).toContainText('hello from the form');
    await expect(details.getByRole('region', { name: 'Ports' }).getByRole('link')).toHaveAttribute(
      'href',
      `http://localhost:${port}`,
    );
    await expect(details.getByRole('region', { name: 'Mounts' })).toContainText(volume);
    await shot(page, 'details-overview');

    // Files: browse into the volume, upload a file, download one.
    await details.getByRole('tab', { name: 'Files' }).click();
    const files = details.getByRole('tabpanel');
    await files.getByRole('button', { name: 'www', exact: true }).click();
    await expect(files.getByRole('table', { name: 'Files in /www' })).toContainText('index.html');
    await files.getByLabel('Files to upload').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('uploaded through berthmaster\n'),
    });
    await expect(files.getByRole('table', { name: 'Files in /www' })).toContainText('notes.txt');
    expect(await docker(lab.engineA.socketPath, 'exec', name, 'cat', '/www/notes.txt')).toBe(
      'uploaded through berthmaster',
    );
    const downloading = page.waitForEvent('download');
    await files.getByRole('button', { name: 'Download index.html' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('index.html');
    expect(readFileSync(await download.path(), 'utf8')).toBe('served-by-berthmaster\n');
    await shot(page, 'files');

    // Edit and recreate: same name, new value, old container gone.
    const oldId = inspected.Id as string;
    await details.getByRole('button', { name: 'Edit and recreate…' }).click();
    const edit = page.getByRole('dialog', { name: `Edit and recreate ${name}` });
    await expect(edit.getByLabel('Variable 1 value')).toHaveValue('hello from the form');
    await edit.getByLabel('Variable 1 value').fill('recreated');
    await edit.getByRole('button', { name: 'Recreate', exact: true }).click();
    // The old container gets its stop timeout (10 s for httpd as PID 1) before the new one starts.
    await expect(edit).toBeHidden({ timeout: 60_000 });
    await details.getByRole('tab', { name: 'Overview' }).click();
    await expect(details.getByRole('list', { name: 'Environment variables' })).toContainText('recreated');
    const now = JSON.parse(await docker(lab.engineA.socketPath, 'inspect', name))[0];
    expect(now.Id).not.toBe(oldId);
    expect(now.Config.Env).toContain('GREETING=recreated');
    expect(now.State.Running).toBe(true);
  });

  test('the form checks fields before sending and keeps what was typed when the engine refuses', async ({
    page,
  }) => {
    const taken = `${token}-taken`;
    await cliRun(lab.engineA.socketPath, taken);
    await page.goto(app.url);
    await hostButton(page, 'local').click();
    await page.getByRole('button', { name: 'Run container' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Run container' });
    await dialog.getByLabel('Image', { exact: true }).fill(lab.image);
    await dialog.getByLabel(/^Name/).fill('x');
    await dialog.getByRole('button', { name: 'Add port' }).click();
    await dialog.getByLabel('Port 1 container port').fill('70000');
    await dialog.getByRole('button', { name: 'Add variable' }).click();
    await dialog.getByLabel('Variable 1 name').fill('1BAD');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(dialog.getByText(/at least 2 characters/)).toBeVisible();
    await expect(dialog.getByText('a port is a number from 1 to 65535')).toBeVisible();
    await expect(dialog.getByText(/a variable name starts with a letter/)).toBeVisible();
    await expect(dialog.getByLabel(/^Name/)).toHaveAttribute('aria-invalid', 'true');

    // Fix the fields, but pick a name that is in use: the engine's refusal shows, nothing is lost.
    await dialog.getByLabel(/^Name/).fill(taken);
    await dialog.getByLabel('Port 1 container port').fill('80');
    await dialog.getByLabel('Variable 1 name').fill('GOOD');
    await dialog.getByLabel('Variable 1 value').fill('kept');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(dialog.getByRole('alert').first()).toContainText('Conflict');
    await expect(dialog.getByRole('alert').first()).toContainText('already in use');
    await expect(dialog.getByLabel(/^Name/)).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByLabel('Variable 1 value')).toHaveValue('kept');
    await expect(dialog.getByLabel('Image', { exact: true })).toHaveValue(lab.image);
    await shot(page, 'run-form-errors');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  for (const host of ['local', 'lab-b-tls'] as const) {
    test(`compose projects are grouped; bulk stop and remove report each container (${host})`, async ({
      page,
    }) => {
      const sock = host === 'local' ? lab.engineA.socketPath : lab.engineB.socketPath;
      const t = `${token}-${host === 'local' ? 'a' : 'b'}`;
      const projectName = `${t}-shop`;
      const web = `${projectName}-web-1`;
      const db = `${projectName}-db-1`;
      const loose = `${t}-loose`;
      const done = `${t}-done`;
      const port = freeHostPort();
      const compose = ['--label', `com.docker.compose.project=${projectName}`];
      await cliRun(sock, web, [...compose, '--label', 'com.docker.compose.service=web', '-p', `${port}:80`]);
      await cliRun(sock, db, [...compose, '--label', 'com.docker.compose.service=db']);
      await cliRun(sock, loose);
      await cliRun(sock, done, [], ['true']);
      await docker(sock, 'wait', done);

      await page.goto(app.url);
      await hostButton(page, host).click();
      if (host === 'local') {
        await expect(row(page, web)).toBeVisible();
        await shot(page, 'list');
      }
      await search(page, t);
      const group = table(page).getByRole('row', { name: `Project ${projectName}` });
      await expect(group).toBeVisible();
      await expect(group).toContainText('2 containers · 2 running');
      await expect(row(page, web)).toBeVisible();
      await expect(row(page, db)).toBeVisible();
      // Members come right after their project's header; loose containers after the groups.
      const names = await table(page)
        .getByRole('row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')));
      expect(names.slice(1)).toEqual([`Project ${projectName}`, db, web, done, loose]);
      // The port link goes to the engine's host: localhost, or the remote host's address.
      const expectedHost = host === 'local' ? 'localhost' : lab.engineB.tlsHost;
      await expect(row(page, web).getByRole('link')).toHaveAttribute(
        'href',
        `http://${expectedHost}:${port}`,
      );
      await shot(page, host === 'local' ? 'grouped' : 'grouped-tls');

      await group.getByRole('button', { name: `Collapse project ${projectName}` }).click();
      await expect(row(page, web)).toHaveCount(0);
      await group.getByRole('button', { name: `Expand project ${projectName}` }).click();
      await expect(row(page, web)).toBeVisible();

      // Bulk stop of the project (selected through its header checkbox).
      await group.getByRole('checkbox', { name: `Select project ${projectName}` }).check();
      await expect(page.getByRole('toolbar', { name: 'Selected containers' })).toContainText('2 selected');
      await page.getByRole('button', { name: 'Stop selected' }).click();
      const results = page.getByRole('region', { name: 'Results of stop' });
      await expect(results.getByRole('listitem')).toHaveCount(2, { timeout: 30_000 });
      await expect(results.getByRole('listitem').filter({ hasText: web })).toContainText(`${web}: stopped`);
      await expect(results.getByRole('listitem').filter({ hasText: db })).toContainText(`${db}: stopped`);
      await expect(row(page, web).getByText('exited', { exact: true })).toBeVisible();
      await expect(group).toContainText('0 running');
      expect(await docker(sock, 'inspect', '-f', '{{.State.Status}}', web)).toBe('exited');

      // Bulk remove without force: the running one is refused, the stopped one goes.
      await page.getByRole('button', { name: 'Dismiss results' }).click();
      await row(page, loose)
        .getByRole('checkbox', { name: `Select ${loose}` })
        .check();
      await row(page, done)
        .getByRole('checkbox', { name: `Select ${done}` })
        .check();
      await page.getByRole('button', { name: 'Remove selected' }).click();
      const confirm = page.getByRole('dialog', { name: 'Remove 2 containers?' });
      await expect(confirm).toContainText(loose);
      await confirm.getByRole('button', { name: 'Remove 2 containers' }).click();
      const removed = page.getByRole('region', { name: 'Results of remove' });
      await expect(removed).toContainText('1 removed, 1 failed');
      await expect(removed.getByRole('listitem').filter({ hasText: done })).toContainText(`${done}: removed`);
      await expect(removed.getByRole('listitem').filter({ hasText: loose })).toContainText(
        /Conflict: .*running container/,
      );
      await expect(row(page, done)).toHaveCount(0);
      await expect(row(page, loose)).toBeVisible();
      // The failed one stays selected, ready for another try.
      await expect(row(page, loose).getByRole('checkbox', { name: `Select ${loose}` })).toBeChecked();
      await shot(page, host === 'local' ? 'bulk-results' : 'bulk-results-tls');

      // Prune, narrowed to this run's label: the two stopped project members go.
      await page.getByRole('button', { name: 'Prune…' }).click();
      const prune = page.getByRole('dialog', { name: 'Prune stopped containers' });
      await prune.getByLabel('Only containers with label').fill(`com.docker.compose.project=${projectName}`);
      const toGo = prune.getByRole('region', { name: 'Containers to remove' });
      // The preview for the typed filter, not the one before it.
      await expect(toGo).not.toHaveAttribute('aria-busy');
      await expect(toGo).toContainText(web);
      await expect(toGo).toContainText(db);
      await expect(toGo).not.toContainText(loose);
      if (host === 'local') await shot(page, 'prune');
      await prune.getByRole('button', { name: 'Remove 2 containers' }).click();
      await expect(prune.getByRole('status')).toContainText(/Removed 2 containers and reclaimed/);
      await prune.getByRole('button', { name: 'Done' }).click();
      await expect(group).toHaveCount(0);
      await expect(docker(sock, 'inspect', web)).rejects.toThrow();
    });
  }
});
