import { expect, test, type Page } from '@playwright/test';
import { docker, loadLab, uniqueName, type Lab } from '../support/lab';
import { startWebApp, type WebApp } from '../support/web-app';

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
  await page.screenshot({ path: `e2e/screenshots/${name}.png` });
}

function hostButton(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Hosts' }).getByRole('button', { name, exact: true });
}

async function openAddHost(page: Page, name: string) {
  await page.getByRole('button', { name: 'Add host' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add host' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Name').fill(name);
  return dialog;
}

test.describe('foundation @foundation', () => {
  test('the page without the token says so; with it, the token leaves the address bar and no cookie holds it', async ({
    page,
    context,
  }) => {
    await page.goto(`${app.origin}/`);
    await expect(page.getByRole('alert')).toContainText(/Unauthorized/);
    await page.goto(app.url);
    await expect(hostButton(page, 'local')).toBeVisible();
    expect(page.url()).not.toContain(app.token);
    expect(await context.cookies()).toEqual([]);
    // A reload still connects: the token stays in this tab's session storage.
    await page.reload();
    await expect(hostButton(page, 'local')).toBeVisible();
    await hostButton(page, 'local').click();
    await expect(page.getByRole('img', { name: 'connected' }).first()).toBeVisible();
    expect(page.url()).not.toContain(app.token);
  });

  test('the local engine is there on first start, with its containers', async ({ page }) => {
    const name = uniqueName('e2e-a');
    await docker(
      lab.engineA.socketPath,
      'run',
      '-d',
      '--stop-timeout',
      '2',
      '--name',
      name,
      lab.image,
      'sleep',
      '600',
    );
    made.push([lab.engineA.socketPath, name]);
    await page.goto(app.url);
    await expect(hostButton(page, 'local')).toBeVisible();
    await hostButton(page, 'local').click();
    await expect(page.getByRole('img', { name: 'connected' }).first()).toBeVisible();
    const table = page.getByRole('table', { name: 'Containers' });
    await expect(table.getByRole('row', { name, exact: true })).toBeVisible();
    await shot(page, 'main-local');
  });

  test('adds the TLS host with certificate files and tests the connection', async ({ page }) => {
    await page.goto(app.url);
    const dialog = await openAddHost(page, 'lab-b-tls');
    await dialog.getByLabel('TCP + TLS', { exact: true }).check();
    await dialog.getByLabel('Host', { exact: true }).fill(lab.engineB.tlsHost);
    await dialog.getByLabel('Port', { exact: true }).fill(String(lab.engineB.tlsPort));
    await dialog.getByLabel('CA certificate file').setInputFiles(lab.tls.ca);
    await dialog.getByLabel('Client certificate file').setInputFiles(lab.tls.cert);
    await dialog.getByLabel('Client key file').setInputFiles(lab.tls.key);
    await expect(dialog.getByLabel('CA certificate (PEM)')).toHaveValue(/BEGIN CERTIFICATE/);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const version = await docker(lab.engineB.socketPath, 'version', '-f', '{{.Server.Version}}');
    // Exact: the "Found on this machine" list above names engine versions too.
    await expect(dialog.getByText(version, { exact: true })).toBeVisible();
    await shot(page, 'add-host-tls-tested');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(hostButton(page, 'lab-b-tls')).toBeVisible();
  });

  test('a TLS host whose certificate does not list the address says so', async ({ page }) => {
    await page.goto(app.url);
    const dialog = await openAddHost(page, 'wrong-cert');
    await dialog.getByLabel('TCP + TLS', { exact: true }).check();
    await dialog.getByLabel('Host', { exact: true }).fill(lab.engineB.mismatchHost);
    await dialog.getByLabel('Port', { exact: true }).fill(String(lab.engineB.tlsPort));
    await dialog.getByLabel('CA certificate file').setInputFiles(lab.tls.ca);
    await dialog.getByLabel('Client certificate file').setInputFiles(lab.tls.cert);
    await dialog.getByLabel('Client key file').setInputFiles(lab.tls.key);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByText(/does not list the address/)).toBeVisible();
    await shot(page, 'add-host-tls-error');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  });

  test('adds the SSH host, trusting its new host key', async ({ page }) => {
    await page.goto(app.url);
    const dialog = await openAddHost(page, 'lab-b-ssh');
    await dialog.getByLabel('SSH', { exact: true }).check();
    await dialog.getByLabel('Host', { exact: true }).fill(lab.ssh.host);
    await dialog.getByLabel('User').fill(lab.ssh.user);
    await dialog.getByLabel('Private key file').setInputFiles(lab.ssh.ed25519Key);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    // A fresh HOME: the lab's host key is new to Berthmaster.
    await expect(dialog.getByText(lab.ssh.hostKeyFingerprint)).toBeVisible();
    await shot(page, 'add-host-ssh-hostkey');
    await dialog.getByRole('button', { name: 'Trust key' }).click();
    const version = await docker(lab.engineB.socketPath, 'version', '-f', '{{.Server.Version}}');
    // Exact: the "Found on this machine" list above names engine versions too.
    await expect(dialog.getByText(version, { exact: true })).toBeVisible();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(hostButton(page, 'lab-b-ssh')).toBeVisible();
  });

  test("switching hosts shows each engine's own containers; stop and start change state", async ({
    page,
  }) => {
    const onA = uniqueName('e2e-only-a');
    const onB = uniqueName('e2e-only-b');
    await docker(
      lab.engineA.socketPath,
      'run',
      '-d',
      '--stop-timeout',
      '2',
      '--name',
      onA,
      lab.image,
      'sleep',
      '600',
    );
    made.push([lab.engineA.socketPath, onA]);
    await docker(
      lab.engineB.socketPath,
      'run',
      '-d',
      '--stop-timeout',
      '2',
      '--name',
      onB,
      lab.image,
      'sleep',
      '600',
    );
    made.push([lab.engineB.socketPath, onB]);
    await page.goto(app.url);
    const table = page.getByRole('table', { name: 'Containers' });

    await hostButton(page, 'lab-b-tls').click();
    await expect(table.getByRole('row', { name: onB, exact: true })).toBeVisible();
    await expect(table.getByRole('row', { name: onA, exact: true })).toHaveCount(0);

    await hostButton(page, 'local').click();
    await expect(table.getByRole('row', { name: onA, exact: true })).toBeVisible();
    await expect(table.getByRole('row', { name: onB, exact: true })).toHaveCount(0);

    await hostButton(page, 'lab-b-ssh').click();
    const row = table.getByRole('row', { name: onB, exact: true });
    await expect(row).toBeVisible();
    await expect(row.getByText('running', { exact: true })).toBeVisible();
    await shot(page, 'main-ssh-host');

    await row.getByRole('button', { name: `Stop ${onB}`, exact: true }).click();
    await expect(row.getByText('exited', { exact: true })).toBeVisible();
    expect(await docker(lab.engineB.socketPath, 'inspect', '-f', '{{.State.Status}}', onB)).toBe('exited');
    await shot(page, 'container-stopped');

    await row.getByRole('button', { name: `Start ${onB}`, exact: true }).click();
    await expect(row.getByText('running', { exact: true })).toBeVisible();
    expect(await docker(lab.engineB.socketPath, 'inspect', '-f', '{{.State.Status}}', onB)).toBe('running');

    // Keyboard switching: Ctrl+1 is the first host.
    await page.keyboard.press('Control+1');
    await expect(hostButton(page, 'local')).toHaveAttribute('aria-current', 'page');
  });

  test('removing a container asks first', async ({ page }) => {
    const name = uniqueName('e2e-rm');
    await docker(
      lab.engineA.socketPath,
      'run',
      '-d',
      '--stop-timeout',
      '2',
      '--name',
      name,
      lab.image,
      'sleep',
      '600',
    );
    made.push([lab.engineA.socketPath, name]);
    await page.goto(app.url);
    await hostButton(page, 'local').click();
    const row = page.getByRole('table', { name: 'Containers' }).getByRole('row', { name, exact: true });
    await row.getByRole('button', { name: `Remove ${name}`, exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove container?' });
    await expect(confirm).toContainText(name);
    await confirm.getByLabel('Force (container is running)').check();
    await shot(page, 'remove-container-confirm');
    await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(row).toHaveCount(0);
    await expect(docker(lab.engineA.socketPath, 'inspect', name)).rejects.toThrow();
  });
});
