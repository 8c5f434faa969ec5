import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { connectWs } from '../../test/integration/support/ws-client';
import { deleteFromRegistry } from '../../test/integration/support/images-backend';
import { docker, loadLab, uniqueName, type Lab } from '../support/lab';
import { startWebApp, type WebApp } from '../support/web-app';

let lab: Lab;
let app: WebApp;
let contextDir: string;
const repo = uniqueName('berthmaster-test');
let ref: string;
/** Keeps the lab image "in use" for the filter test, whatever else the engine holds. */
const user = uniqueName('images-user');

test.beforeAll(async () => {
  lab = loadLab();
  ref = `${lab.registry.address}/${repo}:e2e`;
  app = await startWebApp();
  // A second engine to copy to, added the way the UI would (over the same API), over TLS.
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
  await docker(lab.engineA.socketPath, 'create', '--label', 'berthmaster.test=1', '--name', user, lab.image);
  // A context whose RUN makes a real 24 MB layer, so a pull has something to download.
  contextDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-e2e-build-'));
  await fs.writeFile(
    path.join(contextDir, 'Dockerfile'),
    `FROM ${lab.image}\nCOPY hello.txt /hello.txt\nRUN dd if=/dev/urandom of=/blob bs=1M count=24 2>/dev/null\nLABEL berthmaster.test=1\nCMD ["cat", "/hello.txt"]\n`,
  );
  await fs.writeFile(path.join(contextDir, 'hello.txt'), 'hello from the e2e build\n');
  await fs.writeFile(path.join(contextDir, 'secret.txt'), 'never sent\n');
  await fs.writeFile(path.join(contextDir, '.dockerignore'), 'secret.txt\n');
});

test.afterAll(async () => {
  await docker(lab.engineA.socketPath, 'rm', '-f', user).catch(() => undefined);
  for (const sock of [lab.engineA.socketPath, lab.engineB.socketPath]) {
    for (const r of [ref, `${lab.registry.address}/${repo}:alias`]) {
      await docker(sock, 'rmi', '-f', r).catch(() => undefined);
    }
  }
  await deleteFromRegistry(lab, repo, 'e2e').catch(() => undefined);
  await app?.stop();
  await fs.rm(contextDir, { recursive: true, force: true });
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${name}.png` });
}

async function openImages(page: Page) {
  await page.goto(app.url);
  await page
    .getByRole('navigation', { name: 'Hosts' })
    .getByRole('button', { name: 'local', exact: true })
    .click();
  await page.getByRole('tab', { name: 'Images' }).click();
  const table = page.getByRole('table', { name: 'Images' });
  await expect(table.getByRole('row', { name: lab.image, exact: true })).toBeVisible();
  return table;
}

function row(table: Locator, name: string) {
  return table.getByRole('row', { name, exact: true });
}

test.describe.serial('images and registries @images', () => {
  // Builds, pushes and copies move real bytes between real engines: give them room.
  test.setTimeout(120_000);

  test('stores a registry login after testing it through the engine', async ({ page }) => {
    await openImages(page);
    await page.getByRole('button', { name: 'Registries' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registries' });
    await dialog.getByRole('button', { name: 'Add login' }).click();
    await dialog.getByLabel('Registry address').fill(lab.registry.address);
    await dialog.getByLabel('Username').fill(lab.registry.username);
    await dialog.getByLabel('Password or access token').fill('not-the-password');
    await dialog.getByRole('button', { name: 'Test login' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Login test failed: Authentication failed');
    await dialog.getByLabel('Password or access token').fill(lab.registry.password);
    await dialog.getByRole('button', { name: 'Test login' }).click();
    await expect(dialog.getByText(/Login Succeeded at 127\.0\.0\.1:5000/)).toBeVisible();
    await shot(page, 'images-registry-login');
    await dialog.getByRole('button', { name: 'Save login' }).click();
    await expect(
      dialog.getByRole('table', { name: 'Registry logins' }).getByRole('row', { name: lab.registry.address }),
    ).toBeVisible();
    await expect(dialog.getByText(lab.registry.password)).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Done' }).click();
  });

  test('builds from a folder with live step output', async ({ page }) => {
    const table = await openImages(page);
    await page.getByRole('button', { name: 'Build', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /Build an image on local/ });
    await expect(dialog.getByText(/the machine running Berthmaster/)).toBeVisible();
    await dialog.getByLabel('Context folder').fill(contextDir);
    await dialog.getByLabel('Tags').fill(ref);
    await dialog.getByRole('button', { name: 'Build', exact: true }).click();
    const live = page.getByRole('dialog', { name: `Building ${ref}` });
    const output = live.getByRole('log', { name: /Output of Build/ });
    await expect(output).toContainText('Step 1/5 : FROM berthmaster-test/busybox:latest');
    await expect(live.getByText(`Built ${ref}`)).toBeVisible({ timeout: 60_000 });
    await expect(output).toContainText('Step 5/5 : CMD ["cat", "/hello.txt"]');
    await shot(page, 'images-build');
    await live.getByRole('button', { name: 'Done', exact: true }).click();
    await expect(row(table, ref)).toBeVisible();
    expect(await docker(lab.engineA.socketPath, 'run', '--rm', ref)).toBe('hello from the e2e build');
  });

  test('pushes with per-layer progress using the stored login', async ({ page }) => {
    const table = await openImages(page);
    await row(table, ref)
      .getByRole('button', { name: `Push ${ref}` })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Push image' });
    await expect(dialog.getByText(/the stored login of berthmaster is used/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Push', exact: true }).click();
    // A socket is not "this computer's engine" until the user says so: the login asks first.
    await dialog.getByRole('button', { name: 'Allow for this host' }).click();
    const live = page.getByRole('dialog', { name: `Pushing ${ref}` });
    await expect(live.getByText(`Pushed ${ref}`)).toBeVisible({ timeout: 60_000 });
    await expect(live.getByRole('list', { name: 'Layers' }).getByRole('progressbar')).not.toHaveCount(0);
    await expect(live.getByText(/^sha256:[a-f0-9]{64}$/)).toBeVisible();
    await shot(page, 'images-push');
    await live.getByRole('button', { name: 'Done', exact: true }).click();
  });

  test('pulls from the lab registry with layer and overall progress bars', async ({ page }) => {
    const table = await openImages(page);
    // Remove the local copy first (confirmed), so the pull has to download the layer.
    await row(table, ref)
      .getByRole('button', { name: `Remove ${ref}` })
      .click();
    const confirm = page.getByRole('dialog', { name: 'Remove image?' });
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await expect(row(table, ref)).toHaveCount(0);

    await page.getByRole('button', { name: 'Pull', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Pull an image to local' });
    const field = dialog.getByLabel('Image reference');
    await field.fill('127.0.0.1:5000/Not/Valid');
    await dialog.getByRole('button', { name: 'Pull', exact: true }).click();
    await expect(dialog.getByText('the repository name must be lowercase')).toBeVisible();
    await field.fill(ref);
    await expect(
      dialog.getByText(/Registry 127\.0\.0\.1:5000: the stored login of berthmaster is used/),
    ).toBeVisible();
    await dialog.getByRole('button', { name: 'Pull', exact: true }).click();
    const live = page.getByRole('dialog', { name: `Pulling ${ref}` });
    const overall = live.getByRole('progressbar', { name: `Pull ${ref}: overall progress` });
    await expect(overall).toBeVisible();
    const layers = live.getByRole('list', { name: 'Layers' }).getByRole('progressbar');
    await expect(layers.first()).toBeVisible();
    await expect(live.getByText(/Downloaded newer image/)).toBeVisible({ timeout: 60_000 });
    await expect(overall).toHaveAttribute('aria-valuenow', '100');
    expect(await layers.count()).toBeGreaterThanOrEqual(2);
    await expect(live.getByText('Pull complete').first()).toBeVisible();
    await expect(live.getByText('Already exists')).toBeVisible();
    await shot(page, 'images-pull');
    await live.getByRole('button', { name: 'Done', exact: true }).click();
    await expect(row(table, ref)).toBeVisible();
    expect(await docker(lab.engineA.socketPath, 'run', '--rm', ref)).toBe('hello from the e2e build');
  });

  test('a pull of a missing tag says "not found"', async ({ page }) => {
    await openImages(page);
    await page.getByRole('button', { name: 'Pull', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Pull an image to local' });
    await dialog.getByLabel('Image reference').fill(`${lab.registry.address}/${repo}:missing`);
    await dialog.getByRole('button', { name: 'Pull', exact: true }).click();
    const live = page.getByRole('dialog', { name: /Pulling/ });
    await expect(live.getByRole('alert')).toContainText('Pull failed: not found');
    await expect(live.getByRole('alert')).toContainText('the registry has no such image or tag');
    await shot(page, 'images-pull-not-found');
    await live.getByRole('button', { name: 'Done', exact: true }).click();
  });

  test('tags, shows history and users in the details, untags with confirmation; search and filters', async ({
    page,
  }) => {
    const table = await openImages(page);
    const alias = `${lab.registry.address}/${repo}:alias`;
    await row(table, ref)
      .getByRole('button', { name: `Tag ${ref}` })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Tag image' });
    await dialog.getByLabel('New tag').fill(alias);
    await dialog.getByRole('button', { name: 'Add tag' }).click();
    // Two tags, one image: one row with both names (named after the first, alphabetically).
    const both = table.getByRole('row', { name: alias, exact: true });
    await expect(both).toContainText(ref);
    await expect(row(table, ref)).toHaveCount(0);

    await page.getByLabel('Search images').fill('busybox');
    await expect(both).toHaveCount(0);
    await page.getByLabel('Search images').fill('');
    await page
      .getByRole('radiogroup', { name: 'Show images' })
      .getByRole('radio', { name: 'In use' })
      .check();
    await expect(row(table, lab.image)).toBeVisible();
    await expect(both).toHaveCount(0);
    await page.getByRole('radiogroup', { name: 'Show images' }).getByRole('radio', { name: 'All' }).check();
    await shot(page, 'images-list');

    await both.getByRole('button', { name: `Details of ${alias}` }).click();
    const details = page.getByRole('region', { name: /^Image / });
    await details.getByRole('tab', { name: 'History' }).click();
    const history = details.getByRole('table', { name: 'Image history' });
    await expect(history.getByRole('row', { name: /RUN dd if=\/dev\/urandom/ })).toContainText('24.0 MiB');
    await shot(page, 'images-details-history');
    await details.getByRole('tab', { name: 'Overview' }).click();
    await details.getByRole('button', { name: `Remove tag ${alias}` }).click();
    await page
      .getByRole('dialog', { name: 'Remove tag?' })
      .getByRole('button', { name: 'Remove tag' })
      .click();
    await expect(details.getByRole('button', { name: `Remove tag ${alias}` })).toHaveCount(0);
    await expect(details.getByRole('button', { name: `Remove tag ${ref}` })).toBeVisible();
    await details.getByRole('button', { name: '← Images' }).click();
    expect(await docker(lab.engineA.socketPath, 'images', '-q', alias)).toBe('');
  });

  test('copies the image to the other host, where it runs', async ({ page }) => {
    const table = await openImages(page);
    await row(table, ref)
      .getByRole('button', { name: `Copy to another host ${ref}` })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Copy image to another host' });
    await expect(dialog.getByLabel('Target host')).toHaveValue(/.+/);
    await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
    const live = page.getByRole('dialog', { name: `Copying ${ref} to lab-b` });
    await expect(live.getByText(/^Copied .*MiB\)$/)).toBeVisible({ timeout: 60_000 });
    await shot(page, 'images-copy');
    await live.getByRole('button', { name: 'Done', exact: true }).click();
    expect(await docker(lab.engineB.socketPath, 'run', '--rm', ref)).toBe('hello from the e2e build');

    // The other host's Images view has it too.
    await page
      .getByRole('navigation', { name: 'Hosts' })
      .getByRole('button', { name: 'lab-b', exact: true })
      .click();
    await expect(
      page.getByRole('table', { name: 'Images' }).getByRole('row', { name: ref, exact: true }),
    ).toBeVisible();
  });

  test('the Tasks panel lists every operation, survives view switches, and shows output', async ({
    page,
  }) => {
    await openImages(page);
    await page.getByRole('tab', { name: 'Containers' }).click();
    await page.getByRole('button', { name: 'Tasks' }).click();
    const panel = page.getByRole('complementary', { name: 'Tasks' });
    for (const title of [`Build ${ref}`, `Push ${ref}`, `Pull ${ref}`, `Copy ${ref} to lab-b`]) {
      await expect(panel.getByRole('listitem', { name: title })).toBeVisible();
    }
    await expect(
      panel.getByRole('listitem', { name: `Pull ${lab.registry.address}/${repo}:missing` }),
    ).toContainText('Failed');
    await panel.getByRole('button', { name: `Show details of Build ${ref}` }).click();
    await expect(panel.getByRole('log', { name: `Output of Build ${ref}` })).toContainText(
      'Successfully tagged',
    );
    await shot(page, 'images-tasks-panel');
  });
});
