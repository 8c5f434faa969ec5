import { spawn } from 'node:child_process';
import { test } from '@playwright/test';
import { createContainers, lab, removeContainers, startContainers } from '../support/bench-objects';
import { cpuOver, pidFromFile } from '../support/cpu';
import { record } from '../support/results';
import { connect, startServer, type BenchServer } from '../support/server';

const COUNT = 50;
/** Short windows keep the whole bench near 10 minutes; CPU is reported per minute (× 60 / window). */
const WINDOW_MS = 30_000;
let server: BenchServer;
let names: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(300_000);
  names = await createContainers(lab.engineA.socketPath, 'stats', COUNT);
  await startContainers(lab.engineA.socketPath, names);
  server = await startServer();
});

test.afterAll(async () => {
  await server?.stop();
  await removeContainers(lab.engineA.socketPath, names);
});

const pct = (v: number) => `${v.toFixed(2)}% of a core`;
const perMin = (v: number) => `${((v / 100) * 60).toFixed(2)} CPU-s/min`;

test('stats: 50 running containers, live list figures vs docker stats', async () => {
  test.setTimeout(300_000);
  const dockerd = pidFromFile('/var/run/docker.pid');
  const { api, localId, close } = await connect(server);
  const containers = await api.containers.list({ hostId: localId, all: false });
  const ids = containers.filter((c) => names.includes(c.name)).map((c) => c.id);
  if (ids.length !== COUNT) throw new Error(`${ids.length} of ${COUNT} bench containers are running`);

  // Berthmaster: the containers list's live figures (one stats.summary stream for the host's rows).
  let summaries = 0;
  const sub = api.stats.summary(
    { hostId: localId, ids },
    { onEvent: () => void summaries++, onEnd: () => undefined },
  );
  // Let the 50 engine streams open before measuring.
  await new Promise((r) => setTimeout(r, 5_000));
  const ours = await cpuOver({ server: server.pid, dockerd }, WINDOW_MS);
  sub.close();
  close();
  await new Promise((r) => setTimeout(r, 3_000));

  // Reference: `docker stats` on the same containers for the same window.
  const cli = spawn('docker', ['-H', `unix://${lab.engineA.socketPath}`, 'stats', ...ids], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  await new Promise((r) => setTimeout(r, 5_000));
  const ref = await cpuOver({ cli: cli.pid as number, dockerd }, WINDOW_MS);
  // `docker stats` ignores SIGTERM: without SIGKILL it outlived the run and loaded later scenarios.
  const exited = new Promise((r) => cli.once('exit', r));
  cli.kill('SIGKILL');
  await exited;

  const ratio = (ours.server as number) / (ref.cli as number);
  record({
    name: 'stats',
    ratio,
    figures:
      `${COUNT} containers, ${WINDOW_MS / 1000} s windows: Berthmaster server ${pct(ours.server as number)} (${perMin(ours.server as number)}), ` +
      `dockerd ${pct(ours.dockerd as number)}; docker stats ${pct(ref.cli as number)}, dockerd ${pct(ref.dockerd as number)}; ${summaries} summaries`,
    checks: [
      {
        label: `Berthmaster server CPU, ${COUNT} containers' live figures (${WINDOW_MS / 1000} s window)`,
        target: '<= 1.0x docker stats',
        berthmaster: `${pct(ours.server as number)} (dockerd ${pct(ours.dockerd as number)})`,
        reference: `docker stats ${pct(ref.cli as number)} (dockerd ${pct(ref.dockerd as number)})`,
        ratio,
        met: ratio <= 1,
      },
    ],
  });
});
