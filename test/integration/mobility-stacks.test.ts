import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpGet } from './support/http-get';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { startResourcesRig, type ResourcesRig } from './support/resources-backend';
import { taskOutput, waitForTask } from './support/images-backend';
import { freeHostPort } from './support/host-ports';

/**
 * Moving and cloning a compose project from engine A (socket) to engine B (TLS): a web service
 * serving a file from a named volume on a published port, and a second service sharing the
 * volume. One project is deployed by the app (its stored file moves), one by the compose CLI
 * (its file is rebuilt from the containers).
 */
const run = promisify(execFile);
let lab: Lab;
let rig: ResourcesRig;
let A: { hostId: string; socketPath: string };
let B: { hostId: string; socketPath: string };
const projects: string[] = [];
const dirs: string[] = [];

function composeFile(image: string, port: number): string {
  return `services:
  web:
    image: ${image}
    command: ["httpd", "-f", "-p", "80", "-h", "/www"]
    ports: ["${port}:80"]
    volumes: ["data:/www"]
    labels: { berthmaster.test: "1" }
  worker:
    image: ${image}
    command: ["sleep", "3600"]
    volumes: ["data:/data:ro"]
    labels: { berthmaster.test: "1" }
volumes:
  data:
    labels: { berthmaster.test: "1" }
`;
}

/** "running" / "exited" per service of a project on an engine, sorted. */
async function states(socket: string, project: string): Promise<string> {
  const out = await docker(
    socket,
    'ps',
    '-a',
    '--filter',
    `label=com.docker.compose.project=${project}`,
    '--format',
    '{{.Label "com.docker.compose.service"}}={{.State}}',
  );
  return out.split('\n').filter(Boolean).sort().join(' ');
}

async function fillVolume(project: string, text: string) {
  await docker(
    A.socketPath,
    'run',
    '--rm',
    '-v',
    `${project}_data:/www`,
    lab.image,
    'sh',
    '-c',
    `echo "${text}" > /www/index.html`,
  );
}

beforeAll(async () => {
  lab = loadLab();
  rig = await startResourcesRig(lab);
  [A, B] = rig.engines as unknown as [typeof A, typeof B];
}, 60_000);

afterAll(async () => {
  for (const socket of [lab.engineA.socketPath, lab.engineB.socketPath]) {
    for (const p of projects) {
      const ids = await docker(
        socket,
        'ps',
        '-aq',
        '--filter',
        `label=com.docker.compose.project=${p}`,
      ).catch(() => '');
      if (ids) await docker(socket, 'rm', '-f', ...ids.split('\n')).catch(() => undefined);
      await docker(socket, 'network', 'rm', `${p}_default`).catch(() => undefined);
      await docker(socket, 'volume', 'rm', '-f', `${p}_data`).catch(() => undefined);
    }
  }
  for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
  await rig?.close();
});

describe('move and clone a compose project from A to B', () => {
  it('clones an app-deployed project: the source keeps running, the target serves the volume data; every clash is reported before a second try', async () => {
    const project = uniqueName('mobstk').toLowerCase();
    projects.push(project);
    const port = freeHostPort();
    const up = await waitForTask(
      rig.api,
      (await rig.api.stacks.up({ hostId: A.hostId, project, composeYaml: composeFile(lab.image, port) }))
        .taskId,
    );
    expect(up.state, JSON.stringify(up.error)).toBe('succeeded');
    await fillVolume(project, `data of ${project}`);

    const pre = await rig.api.mobility.stackPreflight({ hostId: A.hostId, project, targetHostId: B.hostId });
    expect(pre.file).toBe('stored');
    expect(pre.problems.filter((p) => p.blocking)).toEqual([]);
    expect(pre.volumes.map((v) => v.name)).toEqual([`${project}_data`]);
    expect(pre.images.map((i) => [i.reference, i.services.sort()])).toEqual([[lab.image, ['web', 'worker']]]);

    const t = await waitForTask(
      rig.api,
      (
        await rig.api.mobility.stackTransfer({
          hostId: A.hostId,
          project,
          targetHostId: B.hostId,
          mode: 'clone',
        })
      ).taskId,
    );
    expect(t.state, JSON.stringify(t.error)).toBe('succeeded');
    expect(await states(A.socketPath, project)).toBe('web=running worker=running');
    expect(await states(B.socketPath, project)).toBe('web=running worker=running');
    expect(await httpGet(`http://${lab.engineB.tlsHost}:${port}/index.html`)).toBe(`data of ${project}\n`);
    // The target keeps the file: the project is the app's there too.
    expect((await rig.api.stacks.get({ hostId: B.hostId, project })).files?.composeYaml).toBe(
      composeFile(lab.image, port),
    );

    const again = await rig.api.mobility.stackPreflight({
      hostId: A.hostId,
      project,
      targetHostId: B.hostId,
    });
    const fields = again.problems.filter((p) => p.blocking).map((p) => p.field);
    expect(fields).toContain('name');
    expect(fields).toContain('volumes.data');
    expect(fields.some((f) => f === 'services.web.ports')).toBe(true);
    const refused = await waitForTask(
      rig.api,
      (
        await rig.api.mobility.stackTransfer({
          hostId: A.hostId,
          project,
          targetHostId: B.hostId,
          mode: 'clone',
        })
      ).taskId,
    );
    expect(refused.error?.code).toBe('CONFLICT');
    expect(refused.error?.message).toContain(`already has a compose project named ${project}`);
    // Refused before anything happened: the source still runs.
    expect(await states(A.socketPath, project)).toBe('web=running worker=running');
  }, 240_000);

  it('moves a project made by the compose CLI (file rebuilt from its containers): the source stops, the target serves the data', async () => {
    const project = uniqueName('mobcli').toLowerCase().replace(/-/g, '');
    projects.push(project);
    const port = freeHostPort();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mob-stack-cli-'));
    dirs.push(dir);
    await fs.writeFile(path.join(dir, 'docker-compose.yml'), composeFile(lab.image, port));
    await run('docker-compose', ['-f', path.join(dir, 'docker-compose.yml'), '-p', project, 'up', '-d'], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', DOCKER_HOST: `unix://${A.socketPath}` },
      timeout: 120_000,
    });
    await fillVolume(project, `moved ${project}`);

    const pre = await rig.api.mobility.stackPreflight({ hostId: A.hostId, project, targetHostId: B.hostId });
    expect(pre.file).toBe('reconstructed');
    expect(pre.composeYaml).toContain(`${port}:80`);
    expect(pre.problems.filter((p) => p.blocking)).toEqual([]);

    const t = await waitForTask(
      rig.api,
      (
        await rig.api.mobility.stackTransfer({
          hostId: A.hostId,
          project,
          targetHostId: B.hostId,
          mode: 'move',
        })
      ).taskId,
    );
    expect(t.state, JSON.stringify(t.error)).toBe('succeeded');
    expect(await httpGet(`http://${lab.engineB.tlsHost}:${port}/index.html`)).toBe(`moved ${project}\n`);
    expect(await states(B.socketPath, project)).toBe('web=running worker=running');
    expect(await states(A.socketPath, project)).toBe('web=exited worker=exited');
    const out = (await taskOutput(rig.api, t.id)).join('\n');
    expect(out).toContain(`Copying volume ${project}_data`);
    expect(out).toContain(`Stopped ${project} on`);
    // A move never deletes data: the volume stays on the source.
    expect(await docker(A.socketPath, 'volume', 'ls', '-q', '--filter', `name=^${project}_data$`)).toBe(
      `${project}_data`,
    );
  }, 240_000);
});
