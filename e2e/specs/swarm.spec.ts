import { expect, test, type Page } from '@playwright/test';
import { read } from '../../test/integration/support/lab';
import { dissolveSwarm, formSwarm, type LabSwarm } from '../../test/integration/support/swarm';
import { connectWs } from '../../test/integration/support/ws-client';
import { docker, loadLab, uniqueName, type Lab } from '../support/lab';
import { startWebApp, type WebApp } from '../support/web-app';

let lab: Lab;
let app: WebApp;
const name = uniqueName('e2e-swarm').replace(/-/g, '');
let v2Tag: string;
let nodes: LabSwarm;

test.beforeAll(async () => {
  lab = loadLab();
  nodes = await formSwarm(lab);
  v2Tag = `${lab.image.split(':')[0]}:${name}-v2`;
  for (const sock of [lab.engineA.socketPath, lab.engineB.socketPath])
    await docker(sock, 'tag', lab.image, v2Tag);
  // First run adds engine A's socket as "local": the swarm manager.
  app = await startWebApp();
});

test.afterAll(async () => {
  await docker(lab.engineA.socketPath, 'service', 'rm', name).catch(() => undefined);
  await app?.stop();
  await dissolveSwarm(lab);
  for (const sock of [lab.engineA.socketPath, lab.engineB.socketPath]) {
    await docker(sock, 'rmi', v2Tag).catch(() => undefined);
  }
});

async function shot(page: Page, file: string) {
  await page.screenshot({ path: `e2e/screenshots/swarm-${file}.png` });
}

const servicesRow = (page: Page) =>
  page.getByRole('table', { name: 'Services' }).getByRole('row').filter({ hasText: name });

test.describe('swarm @swarm', () => {
  test.setTimeout(180_000);

  test('overview and node map, create a service, scale it, roll out a new image with live progress', async ({
    page,
  }) => {
    await page.goto(app.url);
    await page
      .getByRole('navigation', { name: 'Hosts' })
      .getByRole('button', { name: 'local', exact: true })
      .click();
    await page.getByRole('tab', { name: 'Swarm', exact: true }).click();

    const overview = page.getByRole('group', { name: 'Cluster overview' });
    await expect(overview).toContainText('managers');
    await expect(
      page.getByRole('list', { name: 'Node map' }).getByRole('listitem', { name: /^Node / }),
    ).toHaveCount(2);
    await expect(page.getByText(/is a swarm manager: 2 nodes, 1 manager/)).toBeVisible();

    // Create through the form.
    await page.getByRole('tab', { name: 'Services', exact: true }).click();
    await page.getByRole('button', { name: 'Create service' }).click();
    const form = page.getByRole('dialog', { name: 'Create service' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Image', { exact: true }).fill(lab.image);
    await form
      .getByLabel('Command')
      .fill(`sh -c "trap 'exit 0' TERM; while true; do echo hello from $(hostname); sleep 1; done"`);
    await form.getByLabel('Replicas').fill('2');
    await form.getByLabel('Update parallelism').fill('2');
    await form.getByLabel('Update monitor (s)').fill('1');
    // A bad constraint is caught by the form before anything reaches the engine.
    await form.getByLabel('Placement constraints').fill('node.role');
    await form.getByRole('button', { name: 'Create service' }).click();
    await expect(form.getByText(/a constraint is "attribute==value"/)).toBeVisible();
    await form.getByLabel('Placement constraints').fill('');
    await form.getByRole('button', { name: 'Create service' }).click();
    await expect(form).toBeHidden();
    await expect(servicesRow(page).getByLabel('2 of 2 running')).toBeVisible({ timeout: 30_000 });

    // Scale to 4 and watch the tasks come up.
    await page.getByRole('button', { name: `Scale ${name}` }).click();
    const scale = page.getByRole('dialog', { name: `Scale ${name}` });
    await scale.getByLabel('Replicas').fill('4');
    await scale.getByRole('button', { name: 'Scale' }).click();
    await expect(scale.getByRole('status')).toContainText('4/4 running', { timeout: 30_000 });
    await scale.getByRole('button', { name: 'Close' }).first().click();
    await expect(servicesRow(page).getByLabel('4 of 4 running')).toBeVisible({ timeout: 15_000 });

    // Node map: tasks spread on both nodes.
    await page.getByRole('tab', { name: 'Overview', exact: true }).click();
    const map = page.getByRole('list', { name: 'Node map' });
    for (const node of await map.getByRole('listitem', { name: /^Node / }).all()) {
      await expect(node.getByRole('listitem').filter({ hasText: name }).first()).toBeVisible();
    }
    await shot(page, 'overview');
    await map.screenshot({ path: 'e2e/screenshots/swarm-node-map.png' });

    // Rolling update to another tag, watched task by task.
    await page.getByRole('tab', { name: 'Services', exact: true }).click();
    await page.getByRole('button', { name: `Update ${name}` }).click();
    const update = page.getByRole('dialog', { name: `Update ${name}` });
    await update.getByLabel('Image').fill(v2Tag);
    await update.getByRole('button', { name: 'Start rolling update' }).click();
    const progress = update.getByLabel('Update progress');
    await expect(progress.getByRole('status')).toContainText('updating', { timeout: 15_000 });
    await expect(update.getByLabel('Task changes')).toContainText(`→ running  (${v2Tag})`, {
      timeout: 60_000,
    });
    await shot(page, 'service-update');
    await expect(progress.getByRole('status')).toContainText('completed', { timeout: 90_000 });
    await expect(progress.getByRole('status')).toContainText('4/4 running');
    await update.getByRole('button', { name: 'Close' }).first().click();
    await expect(servicesRow(page)).toContainText(v2Tag, { timeout: 15_000 });
    await expect(servicesRow(page).getByRole('button', { name: `Roll back ${name}` })).toBeEnabled();

    // Service logs: lines of tasks on both nodes, labelled with task and node.
    await page.getByRole('button', { name: `Logs of ${name}` }).click();
    const logs = page.getByRole('dialog', { name: `Logs of ${name}` });
    for (const node of [nodes.managerNodeId, nodes.workerNodeId]) {
      const label = new RegExp(`\\[${name}\\.\\d@[^\\]]*${node.slice(0, 8)}\\] hello from`);
      await expect(logs.getByText(label).first()).toBeVisible({ timeout: 20_000 });
    }
    await shot(page, 'logs');
    await logs.getByRole('button', { name: 'Close' }).click();

    // The worker, added over TLS, says what it is and where its manager is.
    const { api, socket } = await connectWs(Number(new URL(app.origin).port), app.token);
    await api.hosts.add({
      name: 'lab-b-worker',
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
    await page
      .getByRole('navigation', { name: 'Hosts' })
      .getByRole('button', { name: 'lab-b-worker', exact: true })
      .click();
    await page.getByRole('tab', { name: 'Swarm', exact: true }).click();
    await expect(page.getByText(/lab-b-worker is not a swarm manager: it is a worker node/)).toBeVisible();
    await expect(page.getByText('10.123.0.1:2377', { exact: false }).first()).toBeVisible();
    await shot(page, 'worker');

    // Back on the manager, a task's container opens in the container view of the host running it.
    await page
      .getByRole('navigation', { name: 'Hosts' })
      .getByRole('button', { name: 'local', exact: true })
      .click();
    await page.getByRole('tab', { name: 'Swarm', exact: true }).click();
    await page.getByRole('tab', { name: 'Tasks', exact: true }).click();
    await page
      .getByRole('button', { name: new RegExp(`^Open container of ${name}\\.\\d on lab-b-worker$`) })
      .first()
      .click();
    await expect(page.getByRole('tab', { name: 'Containers', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.getByRole('heading', { name: 'lab-b-worker' })).toBeVisible();
    await shot(page, 'task-container');
  });
});
