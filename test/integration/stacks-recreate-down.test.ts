import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { output, settled, startStacksBackend, type Api } from './support/stacks-backend';

let lab: Lab;
let backend: Awaited<ReturnType<typeof startStacksBackend>>;
let api: Api;
let sock: string;
const projects: string[] = [];

beforeAll(async () => {
  lab = loadLab();
  sock = lab.engineA.socketPath;
  backend = await startStacksBackend(lab);
  api = backend.api;
});

afterAll(async () => {
  for (const p of projects) {
    const left = (await docker(sock, 'ps', '-aq', '--filter', `label=com.docker.compose.project=${p}`))
      .split('\n')
      .filter(Boolean);
    if (left.length) await docker(sock, 'rm', '-f', ...left).catch(() => undefined);
    await docker(sock, 'network', 'rm', `${p}_default`).catch(() => undefined);
  }
  await backend?.stop();
});

const newProject = () => {
  const p = uniqueName('stkrc').toLowerCase();
  projects.push(p);
  return p;
};

async function up(project: string, composeYaml: string) {
  const { taskId } = await api.stacks.up({ hostId: backend.hosts.socket.id, project, composeYaml });
  return { task: await settled(api, taskId), lines: await output(api, taskId) };
}

/** The engine's own record of what happened to a project's containers since `since`. */
async function events(
  since: string,
  project: string,
  event: string,
): Promise<Array<{ id: string } & Record<string, string>>> {
  const out = await docker(
    sock,
    'events',
    '--since',
    since,
    '--until',
    String(Math.ceil(Date.now() / 1000) + 1),
    '--filter',
    'type=container',
    '--filter',
    `event=${event}`,
    '--filter',
    `label=com.docker.compose.project=${project}`,
    '--format',
    '{{json .Actor}}',
  );
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const actor = JSON.parse(l) as { ID: string; Attributes: Record<string, string> };
      return { id: actor.ID, ...actor.Attributes };
    });
}

const engineNow = async () => docker(sock, 'info', '--format', '{{.SystemTime}}');

const appFile = (image: string, mode: string, cpus?: string) => `
services:
  app:
    image: ${image}
    command: sleep 3600
    environment: {MODE: ${mode}}
    labels: {berthmaster.test: "1"}
${cpus ? `    deploy: {resources: {limits: {cpus: "${cpus}"}}}\n` : ''}`;

async function containersOf(project: string) {
  const out = await docker(
    sock,
    'ps',
    '-a',
    '--filter',
    `label=com.docker.compose.project=${project}`,
    '--format',
    '{{.ID}} {{.Names}} {{.State}}',
  );
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [id = '', name = '', state = ''] = l.split(' ');
      return { id, name, state };
    });
}

describe('recreating a service container as docker compose does', () => {
  it(
    'renames the old container aside, creates the new one, then removes the old',
    { timeout: 90_000 },
    async () => {
      const project = newProject();
      expect((await up(project, appFile(lab.image, 'one'))).task.state).toBe('succeeded');
      const [old] = await containersOf(project);
      expect(old?.name).toBe(`${project}-app-1`);
      const since = await engineNow();

      const { task } = await up(project, appFile(lab.image, 'two'));
      expect(task.state, JSON.stringify(task.error)).toBe('succeeded');
      const now = await containersOf(project);
      expect(now).toHaveLength(1);
      expect(now[0]?.name).toBe(`${project}-app-1`);
      expect(now[0]?.id).not.toBe(old?.id);
      const renames = await events(since, project, 'rename');
      expect(renames.map((r) => [r.id.slice(0, 12), r.oldName, r.name])).toEqual([
        [old?.id, `/${project}-app-1`, `${old?.id}_${project}-app-1`],
      ]);
      // The new container was created while the old one still existed (under its aside name).
      const creates = await events(since, project, 'create');
      const destroys = await events(since, project, 'destroy');
      expect(creates).toHaveLength(1);
      expect(destroys.map((d) => d.id.slice(0, 12))).toEqual([old?.id]);
    },
  );

  it(
    'keeps the old container running under its name when the new one cannot be created, and says so',
    { timeout: 90_000 },
    async () => {
      const project = newProject();
      expect((await up(project, appFile(lab.image, 'one'))).task.state).toBe('succeeded');
      const [old] = await containersOf(project);

      // More CPUs than the lab machine has: the engine refuses the create, not the plan.
      const { task, lines } = await up(project, appFile(lab.image, 'two', '64'));
      expect(task.state).toBe('failed');
      expect(task.error?.message).toMatch(/services\.app\.container: .*CPUs/);
      expect(task.error?.message).toContain(`${project}-app-1 kept running, unchanged`);
      expect(lines.join('\n')).toContain(`kept ${project}-app-1`);

      const after = await containersOf(project);
      expect(after).toEqual([{ id: old?.id, name: `${project}-app-1`, state: 'running' }]);
      const env = await docker(sock, 'inspect', '-f', '{{json .Config.Env}}', `${project}-app-1`);
      expect(env).toContain('MODE=one');

      // A re-run with a fixable file converges.
      expect((await up(project, appFile(lab.image, 'two'))).task.state).toBe('succeeded');
      expect(await docker(sock, 'inspect', '-f', '{{json .Config.Env}}', `${project}-app-1`)).toContain(
        'MODE=two',
      );
    },
  );
});

describe('down', () => {
  it('removes dependents before their dependencies, then the networks', { timeout: 120_000 }, async () => {
    const project = newProject();
    const file = (dbMode: string) => `
services:
  web:
    image: ${lab.image}
    command: sleep 3600
    stop_grace_period: 1s
    labels: {berthmaster.test: "1"}
    depends_on: [api]
  api:
    image: ${lab.image}
    command: sleep 3600
    stop_grace_period: 1s
    labels: {berthmaster.test: "1"}
    depends_on: [db]
  db:
    image: ${lab.image}
    command: sleep 3600
    stop_grace_period: 1s
    environment: {MODE: ${dbMode}}
    labels: {berthmaster.test: "1"}
`;
    expect((await up(project, file('one'))).task.state).toBe('succeeded');
    // db recreated alone: now the newest container, so creation order no longer gives the answer.
    expect((await up(project, file('two'))).task.state).toBe('succeeded');
    const since = await engineNow();

    const { taskId } = await api.stacks.down({ hostId: backend.hosts.socket.id, project });
    const down = await settled(api, taskId);
    expect(down.state, JSON.stringify(down.error)).toBe('succeeded');
    const destroyed = (await events(since, project, 'destroy')).map((d) => d.name);
    expect(destroyed).toEqual([`${project}-web-1`, `${project}-api-1`, `${project}-db-1`]);
    expect(await containersOf(project)).toEqual([]);
    expect(await docker(sock, 'network', 'ls', '-q', '--filter', `name=^${project}_default$`)).toBe('');
  });

  it(
    'down stops each container with its stop signal and grace period before removing it, as compose does',
    { timeout: 120_000 },
    async () => {
      const project = newProject();
      // The process exits 0 on SIGTERM: a graceful stop says exit 0, a forced removal 137 (SIGKILL).
      const file = `
services:
  app:
    image: ${lab.image}
    command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]
    stop_grace_period: 20s
    labels: {berthmaster.test: "1"}
`;
      expect((await up(project, file)).task.state).toBe('succeeded');
      const since = await engineNow();
      const { taskId } = await api.stacks.down({ hostId: backend.hosts.socket.id, project });
      const down = await settled(api, taskId);
      expect(down.state, JSON.stringify(down.error)).toBe('succeeded');
      const kills = (await events(since, project, 'kill')).map((k) => k.signal);
      expect(kills[0]).toBe('15');
      expect((await events(since, project, 'die')).map((d) => d.exitCode)).toEqual(['0']);
      expect(await events(since, project, 'stop')).toHaveLength(1);
      expect(await containersOf(project)).toEqual([]);
    },
  );
});
