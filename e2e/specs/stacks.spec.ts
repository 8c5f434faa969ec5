import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { read } from '../../test/integration/support/lab';
import { connectWs } from '../../test/integration/support/ws-client';
import { docker, loadLab, uniqueName, type Lab } from '../support/lab';
import { startWebApp, type WebApp } from '../support/web-app';

let lab: Lab;
let app: WebApp;
let sock: string;
const HOST = 'lab-b-tls';
const project = uniqueName('e2e-stack');
// docker-compose v1 keeps "_" out of nothing, but its containers are named project_service_1.
const found = uniqueName('e2e-found').replace(/-/g, '');
const composeDir = mkdtempSync(path.join(os.tmpdir(), 'berthmaster-e2e-compose-'));

/** The real docker-compose CLI (v1, Debian's) against engine B. */
async function compose(...args: string[]): Promise<void> {
  await promisify(execFile)('docker-compose', ['-p', found, ...args], {
    cwd: composeDir,
    env: { ...process.env, DOCKER_HOST: `unix://${sock}` },
  });
}

test.beforeAll(async () => {
  lab = loadLab();
  sock = lab.engineB.socketPath;
  app = await startWebApp();
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
  // The UI's Down is the last step; this only catches a run that failed before it.
  const left = (await docker(sock, 'ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`))
    .split('\n')
    .filter(Boolean);
  if (left.length) await docker(sock, 'rm', '-f', ...left).catch(() => undefined);
  await docker(sock, 'network', 'rm', `${project}_default`).catch(() => undefined);
  await compose('down').catch(() => undefined);
  rmSync(composeDir, { recursive: true, force: true });
  await app?.stop();
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/stacks-${name}.png` });
}

/** Two busybox services; `bad` adds a key the Compose schema does not allow, on line 5. */
function composeFile(image: string, bad: boolean): string {
  return [
    'services:',
    '  web:',
    `    image: ${image}`,
    '    command: ["sh", "-c", "echo web ready on $${PORT}; exec httpd -f -v -p $${PORT}"]',
    bad ? '    restartt: always' : '    restart: unless-stopped',
    '    environment:',
    '      PORT: ${WEB_PORT:-8080}',
    '    labels:',
    '      berthmaster.test: "1"',
    '  worker:',
    `    image: ${image}`,
    '    command: ["sh", "-c", "while true; do echo worker tick; sleep 1; done"]',
    '    depends_on:',
    '      - web',
    '    labels:',
    '      berthmaster.test: "1"',
    '',
  ].join('\n');
}

async function replaceText(page: Page, label: string, text: string) {
  const editor = page.getByLabel(label, { exact: true });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  // insertText: no auto-indent or bracket closing on the way in.
  await page.keyboard.insertText(text);
}

test.describe('compose stacks @stacks', () => {
  test.describe.configure({ timeout: 180_000 });

  test('writes a stack in the editor, fixes a schema error, plans, applies and reads the merged logs @stacks', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(app.url);
    await page
      .getByRole('navigation', { name: 'Hosts' })
      .getByRole('button', { name: HOST, exact: true })
      .click();
    await page.getByRole('tab', { name: 'Stacks', exact: true }).click();
    await expect(page.getByRole('region', { name: `Stacks on ${HOST}` })).toBeVisible();
    await page.getByRole('button', { name: 'New stack' }).click();

    await page.getByLabel('Project name').fill(project);
    await replaceText(page, 'Compose file', composeFile(lab.image, true));
    await replaceText(page, 'Environment file', 'WEB_PORT=8081\n');

    // The schema error is listed with its line, and marked in the editor's gutter at that line.
    const problems = page.getByRole('list', { name: 'Problems' });
    await expect(problems.getByText(/Line 5/)).toBeVisible();
    await expect(problems).toContainText('restartt');
    await expect(page.getByRole('status').filter({ hasText: /1 error/ })).toBeVisible();
    await expect(page.locator('.cm-lint-marker-error')).toHaveCount(1);
    const gutterLine = await page
      .locator('.cm-gutterElement')
      .filter({ has: page.locator('.cm-lint-marker-error') })
      .boundingBox();
    const line5 = await page.locator('.cm-line').nth(4).boundingBox();
    expect(Math.abs((gutterLine?.y ?? 0) - (line5?.y ?? -100))).toBeLessThan(4);
    await expect(page.getByRole('button', { name: 'Plan & deploy…' })).toBeDisabled();
    await shot(page, '1-schema-error');

    // Fixed: no problems, and the variable shows resolved from .env.
    await replaceText(page, 'Compose file', composeFile(lab.image, false));
    await expect(page.getByText('Valid', { exact: true })).toBeVisible();
    const vars = page.getByRole('table', { name: 'Variables' });
    await expect(vars.getByRole('row', { name: /WEB_PORT 8081 \.env$/ })).toBeVisible();
    await shot(page, '2-valid');

    // Plan before apply: both services to create.
    await page.getByRole('button', { name: 'Plan & deploy…' }).click();
    const dialog = page.getByRole('dialog', { name: `Plan for ${project} on ${HOST}` });
    const planned = dialog.getByRole('list', { name: 'Planned changes by service' });
    await expect(planned.getByRole('listitem').filter({ hasText: 'web' }).first()).toContainText('Create');
    await expect(planned.getByRole('listitem').filter({ hasText: 'worker' }).first()).toContainText('Create');
    await shot(page, '3-plan');

    // Apply: the up task's progress, until it succeeds.
    await dialog.getByRole('button', { name: 'Apply' }).click();
    const running = page.getByRole('dialog', { name: `Deploying ${project} on ${HOST}` });
    await expect(running.getByRole('progressbar').first()).toBeVisible();
    await shot(page, '4-applying');
    await expect(running.getByRole('button', { name: 'Done' })).toBeVisible({ timeout: 120_000 });
    await shot(page, '5-applied');
    await running.getByRole('button', { name: 'Done' }).click();

    // The engine has both containers running, named and labelled as compose names them.
    const names = await docker(
      sock,
      'ps',
      '--filter',
      `label=com.docker.compose.project=${project}`,
      '--format',
      '{{.Names}}',
    );
    expect(names.split('\n').filter(Boolean).sort()).toEqual([`${project}-web-1`, `${project}-worker-1`]);

    await page.getByRole('button', { name: '← Stacks' }).click();
    const table = page.getByRole('table', { name: `Stacks on ${HOST}` });
    const row = table.getByRole('row').filter({ hasText: project });
    await expect(row.first()).toContainText('2/2');
    await row
      .first()
      .getByRole('button', { name: `${project} services` })
      .click();
    await expect(table.getByRole('button', { name: 'Restart service worker' })).toBeVisible();
    await shot(page, '6-list');

    // Merged logs: lines of both services, tagged by service.
    await page.getByRole('button', { name: `Logs ${project}` }).click();
    const log = page.getByRole('log', { name: `Merged logs of ${project}` });
    await expect(log.getByText('web ready on 8081')).toBeVisible({ timeout: 30_000 });
    await expect(log.getByText('worker tick').first()).toBeVisible({ timeout: 30_000 });
    await expect(log.locator('.stack-log-line').filter({ hasText: 'web ready on 8081' })).toContainText(
      'web',
    );
    await shot(page, '7-logs');

    // Edit: a changed .env variable plans a recreate of web only, with the reason.
    await page.getByRole('button', { name: '← Stacks' }).click();
    await page.getByRole('button', { name: `Edit ${project}` }).click();
    await expect(page.getByLabel('Environment file', { exact: true })).toContainText('WEB_PORT=8081');
    await replaceText(page, 'Environment file', 'WEB_PORT=8082\n');
    await expect(page.getByText('Valid', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Plan & deploy…' }).click();
    const replan = page.getByRole('dialog', { name: `Plan for ${project} on ${HOST}` });
    const changes = replan.getByRole('list', { name: 'Planned changes by service' });
    const web = changes.getByRole('listitem').filter({ hasText: /^Recreate\s*web/ });
    await expect(web).toContainText('environment');
    await expect(changes.getByRole('listitem').filter({ hasText: /^Unchanged\s*worker/ })).toBeVisible();
    await shot(page, '7b-replan');
    await replan.getByRole('button', { name: 'Cancel' }).click();

    // Down, from the list.
    await page.getByRole('button', { name: '← Stacks' }).click();
    await page.getByRole('button', { name: `Down… ${project}` }).click();
    const confirm = page.getByRole('dialog', { name: `Take ${project} down?` });
    await shot(page, '8-down');
    await confirm.getByRole('button', { name: 'Down', exact: true }).click();
    const downTask = page.getByRole('dialog', { name: `Taking ${project} down` });
    await expect(downTask.getByRole('button', { name: 'Done' })).toBeVisible({ timeout: 60_000 });
    await downTask.getByRole('button', { name: 'Done' }).click();
    const after = await docker(sock, 'ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`);
    expect(after.trim()).toBe('');
  });

  test('lists a project made by docker-compose on the all-stacks page and adopts it after review @stacks', async ({
    page,
  }) => {
    writeFileSync(
      path.join(composeDir, 'docker-compose.yml'),
      [
        "version: '3'",
        'services:',
        '  cache:',
        `    image: ${lab.image}`,
        '    command: ["sleep", "600"]',
        '    environment:',
        '      MODE: found',
        '    labels:',
        '      berthmaster.test: "1"',
        '',
      ].join('\n'),
    );
    await compose('up', '-d');

    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(app.url);
    await page.getByRole('button', { name: 'All stacks', exact: true }).click();
    const all = page.getByRole('table', { name: 'Stacks of every host' });
    const row = all.getByRole('row').filter({ hasText: found });
    await expect(row).toContainText(HOST);
    await expect(row).toContainText('Compose v1');
    await expect(row).toContainText('1/1');
    await shot(page, '9-all-hosts');

    // A click opens the host's Stacks tab, where the found project can be adopted.
    await row.getByRole('button', { name: `Open ${found} on ${HOST}` }).click();
    await expect(page.getByRole('tab', { name: 'Stacks', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page.getByRole('button', { name: `Adopt ${found}` }).click();
    // The reconstructed file is shown for review before anything is stored.
    const editor = page.getByLabel('Compose file', { exact: true });
    await expect(editor).toContainText('cache:');
    await expect(editor).toContainText('MODE=found');
    await shot(page, '10-adopt-review');
    await page.getByRole('button', { name: 'Adopt', exact: true }).click();

    // Stored now: the row offers Edit and Update instead of Adopt.
    const table = page.getByRole('table', { name: `Stacks on ${HOST}` });
    const adopted = table.getByRole('row').filter({ hasText: found }).first();
    await expect(adopted.getByRole('button', { name: `Edit ${found}` })).toBeVisible();
    await expect(adopted.getByRole('button', { name: `Adopt ${found}` })).toHaveCount(0);
  });
});
