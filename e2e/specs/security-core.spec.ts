import { expect, test, type Page } from '@playwright/test';
import { loadLab, type Lab } from '../support/lab';
import { startWebApp, type WebApp } from '../support/web-app';

let lab: Lab;
let app: WebApp;

test.beforeAll(async () => {
  lab = loadLab();
  app = await startWebApp();
});

test.afterAll(async () => {
  await app?.stop();
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${name}.png` });
}

function hostsNav(page: Page) {
  return page.getByRole('navigation', { name: 'Hosts' });
}

async function openTlsForm(page: Page, name: string) {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Add host' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add host' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('TCP + TLS', { exact: true }).check();
  await dialog.getByLabel('Host', { exact: true }).fill(lab.engineB.tlsHost);
  await dialog.getByLabel('Port', { exact: true }).fill(String(lab.engineB.tlsPort));
  await dialog.getByLabel('Client certificate file').setInputFiles(lab.tls.cert);
  await dialog.getByLabel('Client key file').setInputFiles(lab.tls.key);
  return dialog;
}

test.describe.serial('transport trust and credential consent @security', () => {
  test.setTimeout(120_000);

  test('trusts a server certificate whose CA is unknown, shown with its details', async ({ page }) => {
    const dialog = await openTlsForm(page, 'pinned-b');
    // A CA that did not sign this server's certificate.
    await dialog
      .getByLabel('CA certificate file')
      .setInputFiles(lab.tls.ca.replace(/ca\.pem$/, 'wrong-ca.pem'));
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const prompt = dialog.getByRole('group', { name: /Unknown certificate for/ });
    await expect(prompt).toBeVisible();
    await shot(page, 'security-core-unknown-certificate');
    await expect(prompt.getByText('CN=berthmaster-lab-engine-b')).toBeVisible();
    await expect(prompt.getByText('CN=Berthmaster Lab CA')).toBeVisible();
    await expect(prompt.getByLabel('SHA-256 fingerprint')).toHaveText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    await prompt.getByRole('button', { name: 'Trust this certificate' }).click();
    await expect(dialog.getByText(/Connection works/)).toBeVisible();
    await expect(dialog.getByLabel('Pinned certificate')).toBeChecked();
    await expect(dialog.getByLabel('Server certificate SHA-256 fingerprint')).toHaveValue(
      /^([0-9A-F]{2}:){31}/,
    );
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    const row = hostsNav(page).getByRole('listitem').filter({ hasText: 'pinned-b' });
    await expect(row).toBeVisible();
    await expect(row.getByText('TLS not verified')).toHaveCount(0);
  });

  test('skipping verification is an explicit choice, red-badged in the sidebar and header', async ({
    page,
  }) => {
    const dialog = await openTlsForm(page, 'unverified-b');
    await dialog.getByLabel('Skip verification').check();
    await expect(dialog.getByRole('note')).toContainText('TLS not verified');
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByText(/Connection works/)).toBeVisible();
    await shot(page, 'security-core-skip-verification');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    const row = hostsNav(page).getByRole('listitem').filter({ hasText: 'unverified-b' });
    await expect(row.getByText('TLS not verified')).toBeVisible();
    await hostsNav(page).getByRole('button', { name: 'unverified-b', exact: true }).click();
    await expect(page.locator('header.host-header').getByText('TLS not verified')).toBeVisible();
    await shot(page, 'security-core-unverified-badge');
  });

  test('a stored login goes to a remote engine only after "Allow for this host"', async ({ page }) => {
    await page.goto(app.url);
    await hostsNav(page).getByRole('button', { name: 'pinned-b', exact: true }).click();
    await page.getByRole('tab', { name: 'Images' }).click();
    await page.getByRole('button', { name: 'Registries' }).click();
    const registries = page.getByRole('dialog', { name: 'Registries' });
    await registries.getByRole('button', { name: 'Add login' }).click();
    await registries.getByLabel('Registry address').fill(lab.registry.address);
    await registries.getByLabel('Username').fill(lab.registry.username);
    await registries.getByLabel('Password or access token').fill(lab.registry.password);
    await registries.getByRole('button', { name: 'Save login' }).click();
    const consent = registries.getByLabel(`Allow pinned-b to use the ${lab.registry.address} login`);
    await expect(consent).not.toBeChecked();
    await registries.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('button', { name: 'Pull', exact: true }).click();
    const pull = page.getByRole('dialog', { name: 'Pull an image to pinned-b' });
    await pull.getByLabel('Image reference').fill(`${lab.registry.address}/berthmaster-consent/none:1`);
    await pull.getByRole('button', { name: 'Pull', exact: true }).click();
    await expect(pull.getByRole('alert')).toContainText('not allowed on pinned-b');
    await shot(page, 'security-core-registry-consent');
    await pull.getByRole('button', { name: 'Allow for this host' }).click();
    // Allowed: the pull starts (the registry is not reachable from engine B, so it then fails).
    await expect(page.getByRole('dialog', { name: /^Pulling / })).toBeVisible();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Registries' }).click();
    await expect(
      page
        .getByRole('dialog', { name: 'Registries' })
        .getByLabel(`Allow pinned-b to use the ${lab.registry.address} login`),
    ).toBeChecked();
    await shot(page, 'security-core-registries-consent');
  });
});
