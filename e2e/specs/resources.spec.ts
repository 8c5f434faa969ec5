import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { extract } from 'tar-stream';
import { Readable } from 'node:stream';
import { read } from '../../test/integration/support/lab';
import { connectWs } from '../../test/integration/support/ws-client';
import { docker, loadLab, uniqueName, type Lab } from '../support/lab';
import { startWebApp, type WebApp } from '../support/web-app';

let lab: Lab;
let app: WebApp;
let sock: string;
const made: Array<['container' | 'network' | 'volume', string]> = [];
const HOST = 'lab-b-tls';

test.beforeAll(async () => {
  lab = loadLab();
  sock = lab.engineB.socketPath;
  app = await startWebApp();
  // The UI flows run on the TLS host; adding it is the foundation spec's job, so do it directly.
  const { api, socket } = await connectWs(Number(new URL(app.origin).port), app.token);
  await api.hosts.add({
    name: HOST,
    color: '#10b981',
    endpoint: {
      kind: 'tls',
      host: lab.engineB.tlsHost,
      port: lab.engineB.tlsPort,
      ca: read(lab.tls.ca),
      cert: read(lab.tls.cert),
      key: read(lab.tls.key),
    },
  });
  socket.close();
});

test.afterAll(async () => {
  // Containers first: a network cannot go while a container is attached to it.
  const order = { container: 0, network: 1, volume: 1 };
  for (const [kind, name] of made.sort((a, b) => order[a[0]] - order[b[0]])) {
    if (kind === 'container') await docker(sock, 'rm', '-f', name).catch(() => undefined);
    else await docker(sock, kind, 'rm', name).catch(() => undefined);
  }
  await app?.stop();
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/resources-${name}.png` });
}

async function openSection(page: Page, section: string) {
  await page.goto(app.url);
  await page
    .getByRole('navigation', { name: 'Hosts' })
    .getByRole('button', { name: HOST, exact: true })
    .click();
  await page.getByRole('tab', { name: section, exact: true }).click();
}

/** A /24 in 10.0.0.0/8 that no network on engine B uses yet (the engines are shared). */
async function freeSubnet(): Promise<string> {
  const ids = (await docker(sock, 'network', 'ls', '-q')).split('\n').filter(Boolean);
  const used = await docker(
    sock,
    'network',
    'inspect',
    '-f',
    '{{range .IPAM.Config}}{{.Subnet}} {{end}}',
    ...ids,
  );
  for (;;) {
    const prefix = `10.${200 + Math.floor(Math.random() * 50)}.${1 + Math.floor(Math.random() * 250)}`;
    if (!used.includes(`${prefix}.`)) return prefix;
  }
}

async function untar(file: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const ex = extract();
  const done = new Promise<void>((resolve, reject) => {
    ex.on('entry', (header, body, next) => {
      const parts: Buffer[] = [];
      body.on('data', (d: unknown) => parts.push(Buffer.from(d as Uint8Array)));
      body.on('end', () => {
        if (header.type === 'file') files[header.name] = Buffer.concat(parts).toString('utf8');
        next();
      });
    });
    ex.on('finish', () => resolve());
    ex.on('error', reject);
  });
  Readable.from([readFileSync(file)]).pipe(ex as unknown as NodeJS.WritableStream);
  await done;
  return files;
}

test.describe('networks, volumes and disk usage @resources', () => {
  // Every step waits on shared, busy engines (helper containers, disk-usage scans).
  test.describe.configure({ timeout: 120_000 });

  test('creates a network through the form, connects a container, shows it in details', async ({ page }) => {
    const container = uniqueName('e2e-net-c');
    await docker(
      sock,
      'run',
      '-d',
      '--label',
      'berthmaster.test=1',
      '--name',
      container,
      lab.image,
      'sleep',
      '600',
    );
    made.push(['container', container]);
    const name = uniqueName('e2e-net');
    const prefix = await freeSubnet();

    await openSection(page, 'Networks');
    const table = page.getByRole('table', { name: 'Networks' });
    const bridge = table.getByRole('row', { name: 'bridge', exact: true });
    await expect(bridge.getByText('built-in')).toBeVisible();
    await expect(bridge.getByRole('button', { name: 'Remove bridge' })).toBeDisabled();
    await shot(page, 'networks');

    await page.getByRole('button', { name: 'Create network' }).click();
    const dialog = page.getByRole('dialog', { name: `Create network on ${HOST}` });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel(/^Subnet/).fill(`${prefix}.0/24`);
    const gateway = dialog.getByLabel(/^Gateway/);
    await gateway.fill('10.99.99.1');
    await dialog.getByLabel(/^IP range/).focus();
    // The error is next to the field, before anything is sent.
    await expect(gateway).toHaveAttribute('aria-invalid', 'true');
    await expect(
      dialog.getByText(`The gateway 10.99.99.1 is not inside the subnet ${prefix}.0/24.`),
    ).toBeVisible();
    await shot(page, 'network-form-error');
    await expect(docker(sock, 'network', 'inspect', name)).rejects.toThrow();

    await gateway.fill(`${prefix}.1`);
    await dialog.getByRole('button', { name: '+ Add label' }).click();
    await dialog.getByLabel('Labels 1 key').fill('berthmaster.test');
    await dialog.getByLabel('Labels 1 value').fill('1');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog).toBeHidden();
    made.push(['network', name]);
    const row = table.getByRole('row', { name, exact: true });
    await expect(row).toContainText(`${prefix}.0/24`);
    expect(await docker(sock, 'network', 'inspect', '-f', '{{json .IPAM.Config}}', name)).toContain(
      `${prefix}.1`,
    );

    await row.getByRole('button', { name: `Details of ${name}` }).click();
    await page.getByRole('button', { name: 'Connect container' }).click();
    const connect = page.getByRole('dialog', { name: `Connect a container to ${name}` });
    await connect.getByLabel('Container').selectOption(container);
    await connect.getByLabel('Aliases').fill('web-alias');
    await connect.getByLabel('Static IPv4 address').fill(`${prefix}.50`);
    await connect.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(connect).toBeHidden();

    const attached = page
      .getByRole('table', { name: `Containers on ${name}` })
      .getByRole('row', { name: container });
    await expect(attached).toContainText(`${prefix}.50`);
    await expect(attached).toContainText('web-alias');
    const endpoint = await docker(
      sock,
      'inspect',
      '-f',
      `{{json (index .NetworkSettings.Networks "${name}")}}`,
      container,
    );
    expect(endpoint).toContain(`"IPAddress":"${prefix}.50"`);
    expect(endpoint).toContain('web-alias');
    await shot(page, 'network-details');

    await page.getByRole('tab', { name: 'Inspect' }).click();
    await expect(page.getByLabel(`Inspect JSON of ${name}`)).toContainText(`"Name": "${name}"`);
  });

  test('creates a volume, browses its files and downloads one', async ({ page }) => {
    const name = uniqueName('e2e-vol');
    await openSection(page, 'Volumes');
    await page.getByRole('button', { name: 'Create volume' }).click();
    const dialog = page.getByRole('dialog', { name: `Create volume on ${HOST}` });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByRole('button', { name: '+ Add label' }).click();
    await dialog.getByLabel('Labels 1 key').fill('berthmaster.test');
    await dialog.getByLabel('Labels 1 value').fill('1');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog).toBeHidden();
    made.push(['volume', name]);
    expect(await docker(sock, 'volume', 'inspect', '-f', '{{.Labels}}', name)).toContain(
      'berthmaster.test:1',
    );

    await docker(
      sock,
      'run',
      '--rm',
      '--label',
      'berthmaster.test=1',
      '-v',
      `${name}:/data`,
      lab.image,
      'sh',
      '-c',
      'echo hello > /data/hello.txt && mkdir /data/logs && echo line-1 > /data/logs/app.log',
    );
    await page.getByRole('button', { name: 'Refresh' }).click();
    const row = page.getByRole('table', { name: 'Volumes' }).getByRole('row', { name, exact: true });
    await expect(row).toContainText('unused');
    await shot(page, 'volumes');

    await row.getByRole('button', { name: `Browse ${name}` }).click();
    const files = page.getByRole('table', { name: 'Files in /' });
    await expect(files.getByRole('row', { name: 'hello.txt' })).toBeVisible();
    await files.getByRole('button', { name: 'Open folder logs' }).click();
    const logs = page.getByRole('table', { name: 'Files in /logs' });
    await expect(logs.getByRole('row', { name: 'app.log' })).toContainText('7 B');
    await shot(page, 'volume-browse');

    const downloading = page.waitForEvent('download');
    await logs.getByRole('button', { name: 'Download app.log' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('app.log.tar');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'berthmaster-e2e-dl-'));
    try {
      const file = path.join(dir, 'a.tar');
      await download.saveAs(file);
      expect(await untar(file)).toEqual({ 'app.log': 'line-1\n' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The helper containers are gone.
    await expect.poll(() => docker(sock, 'ps', '-a', '-q', '--filter', `volume=${name}`)).toBe('');
  });

  test('disk usage shows the four kinds and previews a prune before anything goes', async ({ page }) => {
    await openSection(page, 'Disk usage');
    for (const kind of ['Images', 'Containers', 'Local volumes', 'Build cache']) {
      await expect(page.getByRole('article', { name: kind })).toBeVisible();
    }
    const images = page.getByRole('article', { name: 'Images' });
    const count = await docker(
      sock,
      'system',
      'df',
      '--format',
      '{{if eq .Type "Images"}}{{.TotalCount}}{{end}}',
    );
    await expect(images).toContainText(`${count.trim()} image`);
    await shot(page, 'disk');

    await page
      .getByRole('article', { name: 'Local volumes' })
      .getByRole('button', { name: 'Remove unused volumes…' })
      .click();
    const dialog = page.getByRole('dialog', { name: `Remove unused volumes on ${HOST}?` });
    await expect(dialog.getByText(/local volumes no container uses/).first()).toBeVisible();
    await shot(page, 'prune-preview');
    // Shared engines: look, never prune without a label filter.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  });
});
