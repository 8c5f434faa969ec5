import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { output, settled, startStacksBackend, type Api } from './support/stacks-backend';

const run = promisify(execFile);
let lab: Lab;
let backend: Awaited<ReturnType<typeof startStacksBackend>>;
let api: Api;
const cleanup: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  lab = loadLab();
  backend = await startStacksBackend(lab);
  api = backend.api;
});

afterAll(async () => {
  for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
  await backend?.stop();
});

/** A web server that waits for a healthy db: the usual pair. */
const file = (image: string, mode: string) => `
services:
  web:
    image: ${image}
    command: httpd -f -p 8080
    environment:
      MODE: ${mode}
    labels: {berthmaster.test: "1"}
    depends_on:
      db: {condition: service_healthy}
  db:
    image: ${image}
    command: sleep 3600
    labels: {berthmaster.test: "1"}
    healthcheck:
      test: ["CMD", "true"]
      interval: 1s
      retries: 3
`;

async function inspect(socket: string, name: string) {
  return JSON.parse(await docker(socket, 'inspect', name))[0] as {
    Id: string;
    Name: string;
    Config: { Env: string[]; Labels: Record<string, string> };
    State: { StartedAt: string; Health?: { Status: string; Log: Array<{ End: string; ExitCode: number }> } };
    NetworkSettings: { Networks: Record<string, { Aliases: string[] | null }> };
  };
}

const engines = [
  ['engine A over its socket', 'socket', () => lab.engineA.socketPath],
  ['engine B over TLS', 'tls', () => lab.engineB.socketPath],
  ['engine B over SSH', 'ssh', () => lab.engineB.socketPath],
] as const;

describe.each(engines)('stacks on %s', (_label, key, socketOf) => {
  it(
    'up, change one service, plan shows only it, apply recreates only it; down',
    { timeout: 180_000 },
    async () => {
      const hostId = backend.hosts[key].id;
      const socket = socketOf();
      const project = uniqueName('stk').toLowerCase();
      cleanup.push(async () => {
        const ids = await docker(
          socket,
          'ps',
          '-aq',
          '--filter',
          `label=com.docker.compose.project=${project}`,
        );
        if (ids) await docker(socket, 'rm', '-f', ...ids.split('\n'));
        await docker(socket, 'network', 'rm', `${project}_default`).catch(() => undefined);
      });

      const first = await api.stacks.plan({ hostId, project, composeYaml: file(lab.image, 'one') });
      expect(first.plan?.services.map((s) => [s.service, s.action])).toEqual([
        ['web', 'create'],
        ['db', 'create'],
      ]);
      expect(first.plan?.resources).toEqual([
        { kind: 'network', name: `${project}_default`, action: 'create' },
      ]);

      const up = await settled(
        api,
        (await api.stacks.up({ hostId, project, composeYaml: file(lab.image, 'one') })).taskId,
      );
      expect(up.state, JSON.stringify(up.error)).toBe('succeeded');

      const web = await inspect(socket, `${project}-web-1`);
      const db = await inspect(socket, `${project}-db-1`);
      expect(web.Config.Labels).toMatchObject({
        'com.docker.compose.project': project,
        'com.docker.compose.service': 'web',
        'com.docker.compose.container-number': '1',
        'com.docker.compose.oneoff': 'False',
        'com.docker.compose.depends_on': 'db:service_healthy:false',
      });
      expect(web.Config.Env).toContain('MODE=one');
      expect(web.NetworkSettings.Networks[`${project}_default`]?.Aliases).toEqual(
        expect.arrayContaining([`${project}-web-1`, 'web']),
      );
      // depends_on service_healthy: web started only after db's first passing check.
      const healthyAt = db.State.Health?.Log.find((l) => l.ExitCode === 0)?.End;
      expect(healthyAt).toBeDefined();
      expect(Date.parse(web.State.StartedAt)).toBeGreaterThanOrEqual(Date.parse(healthyAt!));

      // The app keeps the file; the host lists the project as the app's.
      const listed = (await api.stacks.list({ hostId })).find((p) => p.name === project);
      expect(listed).toMatchObject({ origin: 'berthmaster', stored: true, state: 'running' });
      expect(listed?.services.map((s) => [s.name, s.running, s.desired])).toEqual([
        ['db', 1, 1],
        ['web', 1, 1],
      ]);

      const same = await api.stacks.plan({ hostId, project });
      expect(same.plan?.noop).toBe(true);

      const changed = await api.stacks.plan({ hostId, project, composeYaml: file(lab.image, 'two') });
      expect(changed.plan?.services.map((s) => [s.service, s.action])).toEqual([
        ['web', 'recreate'],
        ['db', 'unchanged'],
      ]);
      expect(changed.plan?.services[0]?.reasons).toEqual([{ field: 'env', detail: 'environment changed' }]);

      const again = await settled(
        api,
        (await api.stacks.up({ hostId, project, composeYaml: file(lab.image, 'two') })).taskId,
      );
      expect(again.state, JSON.stringify(again.error)).toBe('succeeded');
      expect((await inspect(socket, `${project}-db-1`)).Id).toBe(db.Id);
      const web2 = await inspect(socket, `${project}-web-1`);
      expect(web2.Id).not.toBe(web.Id);
      expect(web2.Config.Env).toContain('MODE=two');

      const down = await settled(api, (await api.stacks.down({ hostId, project })).taskId);
      expect(down.state, JSON.stringify(down.error)).toBe('succeeded');
      expect(
        await docker(socket, 'ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`),
      ).toBe('');
      expect(await docker(socket, 'network', 'ls', '-q', '--filter', `name=^${project}_default$`)).toBe('');
    },
  );
});

describe('stacks with the compose CLI on engine A', () => {
  it(
    'docker-compose sees the app project; the app finds and adopts a CLI-made one',
    { timeout: 180_000 },
    async () => {
      const hostId = backend.hosts.socket.id;
      const socket = lab.engineA.socketPath;
      const appProject = uniqueName('stkapp').toLowerCase();
      const cliProject = uniqueName('stkcli').toLowerCase().replace(/-/g, '');
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'stacks-cli-'));
      await fs.writeFile(path.join(dir, 'docker-compose.yml'), file(lab.image, 'cli'));
      const compose = (...args: string[]) =>
        run('docker-compose', ['-f', path.join(dir, 'docker-compose.yml'), ...args], {
          env: { PATH: process.env.PATH ?? '/usr/bin:/bin', DOCKER_HOST: `unix://${socket}` },
          timeout: 120_000,
        });
      cleanup.push(async () => {
        for (const p of [appProject, cliProject]) {
          const ids = await docker(socket, 'ps', '-aq', '--filter', `label=com.docker.compose.project=${p}`);
          if (ids) await docker(socket, 'rm', '-f', ...ids.split('\n'));
          await docker(socket, 'network', 'rm', `${p}_default`).catch(() => undefined);
        }
        await fs.rm(dir, { recursive: true, force: true });
      });

      const up = await settled(
        api,
        (await api.stacks.up({ hostId, project: appProject, composeYaml: file(lab.image, 'app') })).taskId,
      );
      expect(up.state, JSON.stringify(up.error)).toBe('succeeded');
      const ps = await compose('-p', appProject, 'ps');
      expect(ps.stdout).toContain(`${appProject}-web-1`);
      expect(ps.stdout).toContain(`${appProject}-db-1`);

      await compose('-p', cliProject, 'up', '-d');
      const found = (await api.stacks.list({ hostId })).find((p) => p.name === cliProject);
      expect(found).toMatchObject({ origin: 'compose-v1', stored: false, state: 'running' });
      expect(found?.services.map((s) => [s.name, s.running, s.containers[0]?.name])).toEqual([
        ['db', 1, `${cliProject}_db_1`],
        ['web', 1, `${cliProject}_web_1`],
      ]);

      const preview = await api.stacks.adoptPreview({ hostId, project: cliProject });
      expect(preview.composeYaml).toContain('command:');
      expect(preview.composeYaml).toContain('MODE=cli');
      const valid = await api.stacks.validate({ project: cliProject, composeYaml: preview.composeYaml });
      expect(valid.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(valid.project?.services.map((s) => s.name).sort()).toEqual(['db', 'web']);
      await api.stacks.adopt({ hostId, project: cliProject, composeYaml: preview.composeYaml });
      const details = await api.stacks.get({ hostId, project: cliProject });
      expect(details.files?.composeYaml).toBe(preview.composeYaml);
      expect(details.summary.stored).toBe(true);

      const lines = await output(api, (await api.stacks.down({ hostId, project: cliProject })).taskId);
      expect(lines.join('\n')).toContain(`${cliProject}_web_1`);
    },
  );
});
