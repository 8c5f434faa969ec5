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

/** A host's section (tab), picked in the sidebar as a user does. */
async function hostTab(page: Page, host: string, tab: string) {
  await page
    .getByRole('navigation', { name: 'Hosts' })
    .getByRole('button', { name: host, exact: true })
    .click();
  await page.getByRole('tab', { name: tab, exact: true }).click();
}

/** The swarm section of engine A ("local", the manager), on one of its tabs. */
async function openSwarm(page: Page, tab: string) {
  await page.goto(app.url);
  await hostTab(page, 'local', 'Swarm');
  await page.getByRole('tab', { name: tab, exact: true }).click();
}

const onA = (...args: string[]) => docker(lab.engineA.socketPath, ...args);

/** A replicated service made with the CLI (it waits until the tasks run), for flows that start from one. */
async function cliService(service: string, replicas: number, script: string, ...extra: string[]) {
  await onA(
    'service',
    'create',
    '--quiet',
    '--name',
    service,
    '--label',
    'berthmaster.test=1',
    '--replicas',
    String(replicas),
    '--stop-grace-period',
    '1s',
    ...extra,
    lab.image,
    'sh',
    '-c',
    script,
  );
}

/** Running tasks of a service: node id, slot and container id, as the engine reports them. */
async function runningTasks(service: string) {
  const ids = (await onA('service', 'ps', '-q', '--filter', 'desired-state=running', service))
    .split('\n')
    .filter(Boolean);
  if (!ids.length) return [];
  const out = await onA(
    'inspect',
    '--format',
    '{{.NodeID}} {{.Slot}} {{.Status.State}} {{with .Status.ContainerStatus}}{{.ContainerID}}{{end}}',
    ...ids,
  );
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [nodeId = '', slot = '', state = '', containerId = ''] = l.split(' ');
      return { nodeId, slot, state, containerId };
    });
}

test.describe('swarm @swarm', () => {
  test.setTimeout(180_000);

  test('overview and node map, create a service, scale it, roll out a new image with live progress', async ({
    page,
  }) => {
    await page.goto(app.url);
    await hostTab(page, 'local', 'Swarm');

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
    await hostTab(page, 'lab-b-worker', 'Swarm');
    await expect(page.getByText(/lab-b-worker is not a swarm manager: it is a worker node/)).toBeVisible();
    await expect(page.getByText('10.123.0.1:2377', { exact: false }).first()).toBeVisible();
    await shot(page, 'worker');

    // Back on the manager, a task's container opens in the container view of the host running it.
    await hostTab(page, 'local', 'Swarm');
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

  test('deploys a compose file as a swarm stack from the editor, then removes the stack @swarm', async ({
    page,
  }) => {
    const stack = uniqueName('e2estk').replace(/-/g, '').toLowerCase();
    const yaml = [
      'services:',
      '  web:',
      `    image: ${lab.image}`,
      '    command: ["sh", "-c", "trap \'exit 0\' TERM; while true; do echo config=$$(cat /token); sleep 1; done"]',
      '    labels:',
      '      berthmaster.test: "1"',
      '    networks: [front]',
      '    configs:',
      '      - source: token',
      '        target: /token',
      '    deploy:',
      '      replicas: 2',
      'networks:',
      '  front: {}',
      'configs:',
      '  token:',
      '    content: stack-config-value',
      '',
    ].join('\n');
    try {
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.goto(app.url);
      await hostTab(page, 'local', 'Stacks');
      await page.getByRole('button', { name: 'New stack' }).click();
      await page.getByLabel('Project name').fill(stack);
      const editor = page.getByLabel('Compose file', { exact: true });
      await editor.click();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText(yaml);
      await expect(page.getByText('Valid', { exact: true })).toBeVisible();

      // On a manager the plan offers a swarm stack: the service, its overlay network and config.
      await page.getByRole('button', { name: 'Plan & deploy…' }).click();
      const dialog = page.getByRole('dialog', { name: `Plan for ${stack} on local` });
      await dialog.getByLabel('Deploy as').selectOption('swarm');
      const planned = dialog.getByRole('list', { name: 'Planned changes by service' });
      await expect(planned.getByRole('listitem').filter({ hasText: 'web' }).first()).toContainText('Create');
      await expect(dialog).toContainText(`${stack}_front`);
      await expect(dialog).toContainText(`${stack}_token`);
      await shot(page, 'stack-plan');
      await dialog.getByRole('button', { name: 'Apply' }).click();
      const running = page.getByRole('dialog', { name: `Deploying ${stack} on local` });
      await expect(running.getByRole('button', { name: 'Done' })).toBeVisible({ timeout: 120_000 });
      await shot(page, 'stack-applied');
      await running.getByRole('button', { name: 'Done' }).click();
      // The editor does not take the stack it just deployed for another one of the same name.
      await expect(page.getByText(`local already has a stack named ${stack}`)).toHaveCount(0);

      // The engine has a stack the docker CLI recognises: namespace label, overlay network, 2 tasks.
      expect(await onA('stack', 'ls', '--format', '{{.Name}}')).toContain(stack);
      const svc = JSON.parse(await onA('service', 'inspect', `${stack}_web`))[0];
      expect(svc.Spec.Labels['com.docker.stack.namespace']).toBe(stack);
      expect(svc.Spec.Mode.Replicated.Replicas).toBe(2);
      expect(await onA('network', 'inspect', '-f', '{{.Driver}}', `${stack}_front`)).toBe('overlay');
      await expect
        .poll(async () => (await runningTasks(`${stack}_web`)).filter((t) => t.state === 'running').length, {
          timeout: 60_000,
        })
        .toBe(2);
      // The config reached the containers ($$ is compose's escaped $): the logs carry its content.
      await expect
        .poll(() => onA('service', 'logs', '--raw', `${stack}_web`), { timeout: 30_000 })
        .toContain('config=stack-config-value');

      // The host's Stacks tab shows the stored stack as a swarm stack with its replicas running,
      // not as an empty compose project, and without the compose-only actions.
      await page.goto(app.url);
      await hostTab(page, 'local', 'Stacks');
      const stored = page
        .getByRole('table', { name: 'Stacks on local' })
        .getByRole('row')
        .filter({ hasText: stack })
        .first();
      await expect(stored).toContainText('Swarm');
      await expect(stored).toContainText('running', { timeout: 30_000 });
      await expect(stored).toContainText('2/2');
      await expect(stored.getByRole('button', { name: `Stop ${stack}` })).toHaveCount(0);
      await shot(page, 'stack-in-host-stacks');

      // The swarm's Stacks tab lists it with its objects; removing it there empties the engine.
      await page.getByRole('tab', { name: 'Swarm', exact: true }).click();
      await page.getByRole('tablist', { name: 'Swarm' }).getByRole('tab', { name: 'Stacks' }).click();
      const row = page.getByRole('table', { name: 'Stacks' }).getByRole('row').filter({ hasText: stack });
      await expect(row).toContainText(`${stack}_web`);
      await expect(row).toContainText(`${stack}_front`);
      await expect(row).toContainText(`${stack}_token`);
      await shot(page, 'stack-list');
      await row.getByRole('button', { name: `Remove stack ${stack}` }).click();
      const confirm = page.getByRole('dialog', { name: `Remove stack ${stack}?` });
      await confirm.getByRole('button', { name: 'Remove stack' }).click();
      // The network goes once the services' containers have stopped and let go of it.
      await expect(confirm).toBeHidden({ timeout: 60_000 });
      await expect(page.getByText(/^Removed stack .* \(3 objects\)\.$/)).toBeVisible();
      await expect(row).toHaveCount(0);
      expect(await onA('service', 'ls', '-q', '--filter', `label=com.docker.stack.namespace=${stack}`)).toBe(
        '',
      );
      expect(await onA('config', 'ls', '-q', '--filter', `label=com.docker.stack.namespace=${stack}`)).toBe(
        '',
      );
    } finally {
      await onA('stack', 'rm', stack).catch(() => undefined);
    }
  });

  test('drains the worker: its tasks move to the manager; activating it lets tasks back @swarm', async ({
    page,
  }) => {
    const service = uniqueName('e2edrain').replace(/-/g, '');
    const worker = nodes.workerNodeId;
    try {
      await cliService(
        service,
        2,
        "trap 'exit 0' TERM; while true; do sleep 1; done",
        '--placement-pref',
        'spread=node.id',
      );
      const before = await runningTasks(service);
      expect(before.map((t) => t.nodeId)).toContain(worker);

      await openSwarm(page, 'Nodes');
      const table = page.getByRole('table', { name: 'Nodes' });
      const row = table.getByRole('row').filter({ hasText: worker.slice(0, 12) });
      await row.getByRole('button', { name: new RegExp(`^Drain .*${worker.slice(0, 8)}$`) }).click();
      const confirm = page.getByRole('dialog', { name: /^Drain .*\?$/ });
      await expect(confirm).toContainText('rescheduled on other nodes');
      await shot(page, 'drain-confirm');
      await confirm.getByRole('button', { name: 'Drain', exact: true }).click();
      await expect(confirm).toBeHidden();
      await expect(row).toContainText('drain');

      // The engine: the node is drained and both tasks run on the manager now.
      expect(await onA('node', 'inspect', '-f', '{{.Spec.Availability}}', worker)).toBe('drain');
      await expect
        .poll(
          async () =>
            (await runningTasks(service))
              .filter((t) => t.state === 'running')
              .map((t) => (t.nodeId === worker ? 'worker' : 'manager'))
              .sort()
              .join(','),
          { timeout: 60_000 },
        )
        .toBe('manager,manager');
      // The node map says the same: no task of the service on the worker.
      await page.getByRole('tab', { name: 'Overview', exact: true }).click();
      const workerNode = page
        .getByRole('list', { name: 'Node map' })
        .getByRole('listitem', { name: new RegExp(`^Node .*${worker.slice(0, 8)}$`) });
      await expect(workerNode.getByRole('listitem').filter({ hasText: service })).toHaveCount(0);
      await shot(page, 'drained');

      // Activate: the node takes tasks again (the scheduler does not move running ones back).
      await page.getByRole('tab', { name: 'Nodes', exact: true }).click();
      await row.getByRole('button', { name: new RegExp(`^Activate .*${worker.slice(0, 8)}$`) }).click();
      await page
        .getByRole('dialog', { name: /^Activate .*\?$/ })
        .getByRole('button', { name: 'Activate' })
        .click();
      await expect(row).toContainText('active');
      expect(await onA('node', 'inspect', '-f', '{{.Spec.Availability}}', worker)).toBe('active');
    } finally {
      await onA('node', 'update', '--availability', 'active', worker).catch(() => undefined);
      await onA('service', 'rm', service).catch(() => undefined);
    }
  });

  test('creates a secret, a service reads it, the secret is never shown, then removes it @swarm', async ({
    page,
  }) => {
    const secret = uniqueName('e2esecret').replace(/-/g, '');
    const service = uniqueName('e2eusesecret').replace(/-/g, '');
    const value = `v-${secret.slice(-8)}-${Date.now()}`;
    try {
      await openSwarm(page, 'Secrets & configs');
      const secrets = page.getByRole('region', { name: 'Secrets' });
      await secrets.getByRole('button', { name: 'Create secret' }).click();
      const create = page.getByRole('dialog', { name: 'Create secret' });
      await create.getByLabel('Name').fill(secret);
      await create.getByLabel('Value').fill(value);
      await shot(page, 'secret-create');
      await create.getByRole('button', { name: 'Create secret' }).click();
      await expect(create).toBeHidden();
      const row = secrets
        .getByRole('table', { name: 'Secrets' })
        .getByRole('row')
        .filter({ hasText: secret });
      await expect(row).toContainText('unused');

      // The engine holds it; a service given the secret reads exactly the value typed.
      expect(await onA('secret', 'inspect', '-f', '{{.Spec.Name}}', secret)).toBe(secret);
      await cliService(
        service,
        1,
        `trap 'exit 0' TERM; echo "secret=$(cat /run/secrets/${secret})"; while true; do sleep 1; done`,
        '--secret',
        secret,
      );
      await expect
        .poll(() => onA('service', 'logs', '--raw', service), { timeout: 30_000 })
        .toContain(`secret=${value}`);

      // The list says who uses it, and nothing on the page shows the value.
      await page.getByRole('tab', { name: 'Overview', exact: true }).click();
      await page.getByRole('tab', { name: 'Secrets & configs', exact: true }).click();
      await expect(row).toContainText(service);
      await expect(page.locator('body')).not.toContainText(value);
      await shot(page, 'secret-used');

      // In use, the engine refuses to remove it and the dialog says so; unused, it goes.
      await row.getByRole('button', { name: `Remove secret ${secret}` }).click();
      const confirm = page.getByRole('dialog', { name: `Remove secret ${secret}?` });
      await expect(confirm).toContainText(`It is used by ${service}`);
      await confirm.getByRole('button', { name: 'Remove secret' }).click();
      await expect(confirm.getByRole('alert')).toContainText(/in use|used by/i);
      await shot(page, 'secret-in-use');
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      expect(await onA('secret', 'inspect', '-f', '{{.Spec.Name}}', secret)).toBe(secret);

      await onA('service', 'rm', service);
      await page.getByRole('tab', { name: 'Overview', exact: true }).click();
      await page.getByRole('tab', { name: 'Secrets & configs', exact: true }).click();
      await expect(row).toContainText('unused');
      await row.getByRole('button', { name: `Remove secret ${secret}` }).click();
      await page
        .getByRole('dialog', { name: `Remove secret ${secret}?` })
        .getByRole('button', { name: 'Remove secret' })
        .click();
      await expect(row).toHaveCount(0);
      expect(await onA('secret', 'ls', '-q', '--filter', `name=${secret}`)).toBe('');
    } finally {
      await onA('service', 'rm', service).catch(() => undefined);
      await onA('secret', 'rm', secret).catch(() => undefined);
    }
  });

  test('service logs: lines of the tasks on both nodes, labelled with task and node, searchable @swarm', async ({
    page,
  }) => {
    const service = uniqueName('e2elogs').replace(/-/g, '');
    try {
      await cliService(
        service,
        2,
        `trap 'exit 0' TERM; while true; do echo "hello from $(hostname)"; echo tick; sleep 1; done`,
        '--placement-pref',
        'spread=node.id',
      );
      const tasks = await runningTasks(service);
      expect(new Set(tasks.map((t) => t.nodeId))).toEqual(new Set([nodes.managerNodeId, nodes.workerNodeId]));

      await openSwarm(page, 'Services');
      await page.getByRole('button', { name: `Logs of ${service}` }).click();
      const logs = page.getByRole('dialog', { name: `Logs of ${service}` });
      // Each running task's lines, labelled with its slot and node, from its own container.
      for (const t of tasks) {
        const label = `[${service}.${t.slot}@`;
        const line = logs
          .getByText(`hello from ${t.containerId.slice(0, 12)}`)
          .filter({ hasText: label })
          .first();
        await expect(line).toBeVisible({ timeout: 30_000 });
        await expect(line).toContainText(t.nodeId.slice(0, 8));
      }
      await expect(logs.getByText('tick').first()).toBeVisible();

      // Search shows matching lines only.
      await logs.getByLabel('Search the service logs').fill('hello from');
      await expect(logs.getByText(/\] tick$/)).toHaveCount(0);
      await expect(logs.getByText('hello from').first()).toBeVisible();
      await shot(page, 'logs');
      await logs.getByRole('button', { name: 'Close' }).click();
    } finally {
      await onA('service', 'rm', service).catch(() => undefined);
    }
  });
});
