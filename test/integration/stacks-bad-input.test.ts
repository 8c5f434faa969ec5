import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { settled, startStacksBackend, type Api } from './support/stacks-backend';
import { freeHostPort } from './support/host-ports';

let lab: Lab;
let backend: Awaited<ReturnType<typeof startStacksBackend>>;
let api: Api;
const projects: string[] = [];
const containers: string[] = [];

beforeAll(async () => {
  lab = loadLab();
  backend = await startStacksBackend(lab);
  api = backend.api;
});

afterAll(async () => {
  const sock = lab.engineA.socketPath;
  for (const p of projects) {
    const ids = await docker(sock, 'ps', '-aq', '--filter', `label=com.docker.compose.project=${p}`);
    if (ids) await docker(sock, 'rm', '-f', ...ids.split('\n')).catch(() => undefined);
    await docker(sock, 'network', 'rm', `${p}_default`).catch(() => undefined);
  }
  for (const c of containers) await docker(sock, 'rm', '-f', c).catch(() => undefined);
  await backend?.stop();
});

const name = () => {
  const p = uniqueName('stkbad').toLowerCase();
  projects.push(p);
  return p;
};

describe('stacks: bad input gets a specific error naming the service and field', () => {
  it('a dependency cycle and an invalid file are refused before any engine call', async () => {
    const cycle = await api.stacks.validate({
      project: 'x',
      composeYaml:
        'services:\n  a: {image: busybox, depends_on: [b]}\n  b: {image: busybox, depends_on: [a]}\n',
    });
    expect(cycle.diagnostics.map((d) => d.message)).toContain(
      'services.a.depends_on: dependency cycle a → b → a.',
    );
    const hostId = backend.hosts.socket.id;
    await expect(
      api.stacks.up({
        hostId,
        project: name(),
        composeYaml: 'services:\n  a:\n    image: busybox\n    portz: [1]\n',
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'line 4: services.a: "portz" is not allowed here.',
    });
  });

  it('an unknown image fails the apply at services.<name>.image', { timeout: 60_000 }, async () => {
    const project = name();
    const yaml = `services:\n  app:\n    image: ${lab.registry.address}/berthmaster-none/${project}:nope\n    labels: {berthmaster.test: "1"}\n`;
    const t = await settled(
      api,
      (await api.stacks.up({ hostId: backend.hosts.socket.id, project, composeYaml: yaml })).taskId,
    );
    expect(t.state).toBe('failed');
    expect(t.error?.message).toMatch(/^services\.app\.image: /);
    expect(
      await docker(
        lab.engineA.socketPath,
        'ps',
        '-aq',
        '--filter',
        `label=com.docker.compose.project=${project}`,
      ),
    ).toBe('');
  });

  it(
    'a port already taken is a plan blocker and fails the apply untouched',
    { timeout: 60_000 },
    async () => {
      const holder = uniqueName('stk-port');
      containers.push(holder);
      const port = freeHostPort();
      await docker(
        lab.engineA.socketPath,
        'run',
        '-d',
        '--name',
        holder,
        '--label',
        'berthmaster.test=1',
        '-p',
        `${port}:80`,
        lab.image,
        'sleep',
        '3600',
      );
      const project = name();
      const yaml = `services:\n  web:\n    image: ${lab.image}\n    command: sleep 3600\n    ports: ["${port}:80"]\n`;
      const planned = await api.stacks.plan({ hostId: backend.hosts.socket.id, project, composeYaml: yaml });
      expect(planned.plan?.blockers.map((b) => b.message)).toEqual([
        `services.web.ports: host port ${port}/tcp is already taken by container ${holder}.`,
      ]);
      const t = await settled(
        api,
        (await api.stacks.up({ hostId: backend.hosts.socket.id, project, composeYaml: yaml })).taskId,
      );
      expect(t.state).toBe('failed');
      expect(t.error).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/^services\.web\.ports: host port/),
      });
      expect(
        await docker(
          lab.engineA.socketPath,
          'ps',
          '-aq',
          '--filter',
          `label=com.docker.compose.project=${project}`,
        ),
      ).toBe('');
    },
  );

  it('a missing external network is named', { timeout: 60_000 }, async () => {
    const project = name();
    const yaml = `services:\n  web:\n    image: ${lab.image}\n    networks: [corp]\nnetworks:\n  corp: {external: true, name: ${project}-missing}\n`;
    const planned = await api.stacks.plan({ hostId: backend.hosts.socket.id, project, composeYaml: yaml });
    expect(planned.plan?.blockers[0]?.message).toBe(
      `networks.corp: external network "${project}-missing" does not exist on the host (used by web).`,
    );
  });

  it(
    'a failing healthcheck stops its dependants and says what was changed; a fixed re-run converges',
    { timeout: 120_000 },
    async () => {
      const project = name();
      const hostId = backend.hosts.socket.id;
      const yaml = (check: string) =>
        `services:\n  web:\n    image: ${lab.image}\n    command: sleep 3600\n    depends_on: {db: {condition: service_healthy}}\n  db:\n    image: ${lab.image}\n    command: sleep 3600\n    healthcheck: {test: ["CMD", "${check}"], interval: 1s, retries: 1}\n`;
      const t = await settled(
        api,
        (await api.stacks.up({ hostId, project, composeYaml: yaml('false') })).taskId,
      );
      expect(t.state).toBe('failed');
      expect(t.error?.message).toMatch(/^services\.web\.depends_on\.db: "db" is unhealthy/);
      expect(t.error?.detail).toBe('Changed before the failure: db.');
      const names = await docker(
        lab.engineA.socketPath,
        'ps',
        '-a',
        '--format',
        '{{.Names}}',
        '--filter',
        `label=com.docker.compose.project=${project}`,
      );
      expect(names).toBe(`${project}-db-1`);

      const fixed = await settled(
        api,
        (await api.stacks.up({ hostId, project, composeYaml: yaml('true') })).taskId,
      );
      expect(fixed.state, JSON.stringify(fixed.error)).toBe('succeeded');
      const plan = await api.stacks.plan({ hostId, project });
      expect(plan.plan?.noop).toBe(true);
    },
  );
});
