import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { loadLab } from '../support/lab';
import { startWebApp } from '../support/web-app';

// Rancher Desktop "runs" in a fake home (a socket forwarding to lab engine A); the first host
// (DOCKER_HOST on port 1) cannot connect, so the first-run screen offers what it found.
let home: string;
let proxy: net.Server;
let rdSocket: string;

test.beforeAll(async () => {
  const lab = loadLab();
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-e2e-found-'));
  rdSocket = path.join(home, '.rd/docker.sock');
  await fs.mkdir(path.dirname(rdSocket), { recursive: true });
  proxy = net.createServer((client) => {
    const upstream = net.connect(lab.engineA.socketPath);
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const s of [client, upstream]) {
      s.on('error', end);
      s.on('close', end);
    }
  });
  await new Promise<void>((resolve) => proxy.listen(rdSocket, resolve));
});

test.afterAll(async () => {
  await new Promise((r) => proxy?.close(r));
  if (home) await fs.rm(home, { recursive: true, force: true });
});

test('first run and Add host offer the engines found on this machine', async ({ page }) => {
  const app = await startWebApp({ HOME: home, DOCKER_HOST: 'tcp://127.0.0.1:1' });
  try {
    await page.goto(app.url);
    const screen = page.getByRole('region', { name: 'Connect a Docker engine' });
    const found = screen.getByRole('region', { name: 'Found on this machine' });
    await expect(found.getByRole('button', { name: `Add Rancher Desktop (${rdSocket})` })).toBeVisible();
    // The lab's engine A is also where the docker CLI looks by default.
    await expect(found.getByRole('button', { name: 'Add Docker (/var/run/docker.sock)' })).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/found-engines-first-run.png' });

    await found.getByRole('button', { name: `Add Rancher Desktop (${rdSocket})` }).click();
    const hosts = page.getByRole('navigation', { name: 'Hosts' });
    await expect(hosts.getByRole('button', { name: /rancher-desktop/ }).first()).toBeVisible();
    await expect(screen).toHaveCount(0);

    await page.getByRole('button', { name: 'Add host' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add host' });
    const inDialog = dialog.getByRole('region', { name: 'Found on this machine' });
    await expect(inDialog.getByText('Added as rancher-desktop')).toBeVisible();
    await expect(inDialog.getByRole('button', { name: 'Add Docker (/var/run/docker.sock)' })).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/found-engines-add-host.png' });
    await inDialog.getByRole('button', { name: 'Add Docker (/var/run/docker.sock)' }).click();
    await expect(dialog).toHaveCount(0);
    // "local" is taken by the first host: the suggestion avoids it.
    await expect(hosts.getByText('local-2', { exact: true })).toBeVisible();
  } finally {
    await app.stop();
  }
});
