import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { test } from '@playwright/test';
import { BENCH_LABEL_KEY, benchName, docker, lab } from '../support/bench-objects';
import { mbps, median, record, secs } from '../support/results';
import { interleavedRounds, taskEnded } from '../support/tasks';
import { addHost, endpoints } from '../support/hosts';
import { connect, startServer, type BenchServer } from '../support/server';

const run = promisify(execFile);
const BLOB_MB = 64;
const ROUNDS = 5;
let server: BenchServer;
const image = `${benchName('copy')}:latest`.replace(/^bench-/, 'berthmaster-bench/');

test.beforeAll(async () => {
  test.setTimeout(300_000);
  // A bigger image than busybox, built locally (no network): a layer of random bytes.
  const dockerfile = [
    `FROM ${lab.image}`,
    `LABEL ${BENCH_LABEL_KEY}=1 berthmaster.test=1`,
    `RUN head -c ${BLOB_MB * 1024 * 1024} /dev/urandom > /blob`,
  ].join('\n');
  await new Promise<void>((resolve, reject) => {
    const p = spawn('docker', ['-H', `unix://${lab.engineA.socketPath}`, 'build', '-q', '-t', image, '-'], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`docker build failed: ${err}`))));
    p.stdin.end(dockerfile);
  });
  server = await startServer();
});

test.afterAll(async () => {
  await server?.stop();
  for (const sock of [lab.engineA.socketPath, lab.engineB.socketPath])
    await docker(sock, 'rmi', '-f', image).catch(() => undefined);
});

async function imageSize(): Promise<number> {
  return Number(await docker(lab.engineA.socketPath, 'image', 'inspect', '--format', '{{.Size}}', image));
}

test('copy: image between hosts vs docker save | docker -H B load', async () => {
  test.setTimeout(300_000);
  const bytes = await imageSize();
  const removeFromB = () => docker(lab.engineB.socketPath, 'rmi', '-f', image).catch(() => undefined);
  const { api, localId, close } = await connect(server);
  const b = await addHost(api, 'bench-socket-b', endpoints.socketB());

  const viaCli = async () => {
    await removeFromB();
    const t0 = performance.now();
    await run(
      'sh',
      [
        '-c',
        `docker -H unix://${lab.engineA.socketPath} save ${image} | docker -H unix://${lab.engineB.socketPath} load`,
      ],
      { timeout: 240_000 },
    );
    return performance.now() - t0;
  };
  const viaBerthmaster = async () => {
    await removeFromB();
    const t1 = Date.now();
    const { taskId } = await api.images.copy({ hostId: localId, targetHostId: b, references: [image] });
    // The task's own end time (main's clock is this machine's clock): no polling delay is measured.
    const end = await taskEnded(api, taskId);
    if (end.state !== 'succeeded') throw new Error(`the copy task ended ${end.state}`);
    const present = await docker(lab.engineB.socketPath, 'image', 'inspect', '--format', '{{.Id}}', image);
    if (!present) throw new Error('the image is not on engine B after the copy');
    return end.at - t1;
  };

  // Interleaved rounds, alternating who goes first: one transfer of a second is too noisy alone.
  const { reference: cliMs, ours: oursMs } = await interleavedRounds(ROUNDS, viaCli, viaBerthmaster);
  close();
  await removeFromB();
  const cli = median(cliMs);
  const ours = median(oursMs);

  const ratio = cli / ours;
  record({
    name: 'copy',
    ratio,
    figures: `${(bytes / 1e6).toFixed(0)} MB image, median of ${ROUNDS} interleaved rounds: Berthmaster ${secs(ours)} (${mbps(bytes, ours)}) vs docker save | load ${secs(cli)} (${mbps(bytes, cli)}); ratio is throughput`,
    checks: [
      {
        label: `copy a ${(bytes / 1e6).toFixed(0)} MB image A to B (throughput)`,
        target: '>= 1.0x',
        berthmaster: `${secs(ours)}, ${mbps(bytes, ours)}`,
        reference: `docker save | docker load ${secs(cli)}, ${mbps(bytes, cli)}`,
        ratio,
        met: ratio >= 1,
      },
    ],
  });
});
