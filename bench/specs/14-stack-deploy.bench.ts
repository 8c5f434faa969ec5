import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { test } from '@playwright/test';
import { benchName, docker, lab } from '../support/bench-objects';
import { median, record, secs } from '../support/results';
import { interleavedRounds, taskEnded } from '../support/tasks';
import { connect, startServer, type BenchServer } from '../support/server';

const run = promisify(execFile);
const SERVICES = 10;
const ROUNDS = 3;
let server: BenchServer;
let dir: string;

/** Ten services on one network, each with env, a label and a healthcheck: a typical app's shape. */
function composeFile(): string {
  const lines = ['services:'];
  for (let i = 0; i < SERVICES; i++) {
    lines.push(
      `  s${i}:`,
      `    image: ${lab.image}`,
      '    command: sleep 3600',
      `    environment: {INDEX: "${i}"}`,
      '    labels: {berthmaster.test: "1", berthmaster.bench: "1"}',
      ...(i > 0 ? ['    depends_on: [s0]'] : []),
    );
  }
  return `${lines.join('\n')}\n`;
}

async function removeProject(project: string) {
  const ids = await docker(
    lab.engineA.socketPath,
    'ps',
    '-aq',
    '--filter',
    `label=com.docker.compose.project=${project}`,
  );
  if (ids) await docker(lab.engineA.socketPath, 'rm', '-f', ...ids.split('\n'));
  await docker(lab.engineA.socketPath, 'network', 'rm', `${project}_default`).catch(() => undefined);
}

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bench-stack-'));
  writeFileSync(path.join(dir, 'docker-compose.yml'), composeFile());
  server = await startServer();
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('stack deploy: 10 services vs docker-compose up -d', async () => {
  test.setTimeout(600_000);
  const { api, localId, close } = await connect(server);
  const text = composeFile();

  const viaCli = async () => {
    const project = benchName('stkcli').replace(/-/g, '');
    const t0 = performance.now();
    await run('docker-compose', ['-p', project, 'up', '-d'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', DOCKER_HOST: `unix://${lab.engineA.socketPath}` },
      timeout: 300_000,
    });
    const took = performance.now() - t0;
    await removeProject(project);
    return took;
  };
  const viaBerthmaster = async () => {
    const project = benchName('stkapp').replace(/-/g, '');
    const t1 = Date.now();
    const { taskId } = await api.stacks.up({ hostId: localId, project, composeYaml: text, workingDir: dir });
    const end = await taskEnded(api, taskId);
    if (end.state !== 'succeeded') throw new Error(`the deploy task ended ${end.state}`);
    const running = await docker(
      lab.engineA.socketPath,
      'ps',
      '-q',
      '--filter',
      `label=com.docker.compose.project=${project}`,
    );
    if (running.split('\n').filter(Boolean).length !== SERVICES)
      throw new Error('not every service runs after the deploy');
    const took = end.at - t1;
    await removeProject(project);
    return took;
  };

  const { reference: cliMs, ours: oursMs } = await interleavedRounds(ROUNDS, viaCli, viaBerthmaster);
  close();
  const cli = median(cliMs);
  const ours = median(oursMs);
  const ratio = ours / cli;
  record({
    name: 'stack-deploy',
    ratio,
    figures: `${SERVICES} services, median of ${ROUNDS} interleaved rounds: Berthmaster ${secs(ours)} vs docker-compose up -d ${secs(cli)}`,
    checks: [
      {
        label: `deploy a ${SERVICES}-service stack (time)`,
        target: '<= 1.2x',
        berthmaster: secs(ours),
        reference: `docker-compose up -d ${secs(cli)}`,
        ratio,
        met: ratio <= 1.2,
      },
    ],
  });
});
