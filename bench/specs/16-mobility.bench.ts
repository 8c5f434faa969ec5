import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { promisify } from 'node:util';
import { test } from '@playwright/test';
import { BENCH_LABEL_KEY, benchName, docker, lab } from '../support/bench-objects';
import { addHost, endpoints } from '../support/hosts';
import { mbps, median, record, secs } from '../support/results';
import { interleavedRounds, taskEnded } from '../support/tasks';
import { connect, startServer, type BenchServer } from '../support/server';

/**
 * Moving work between hosts (issue #22): a 200 MB volume A -> B against the tar pipe people paste
 * from blogs, and a forwarded TCP stream against `ssh -L` (SSH host) and a raw hijacked exec
 * stream (TLS host) carrying the same bytes. Interleaved rounds, medians.
 */
const run = promisify(execFile);
const VOLUME_MB = 200;
const STREAM_MB = 64;
const ROUNDS = 3;
let server: BenchServer;
const volume = benchName('vol');
const labels = ['--label', `${BENCH_LABEL_KEY}=1`, '--label', 'berthmaster.test=1'];

test.beforeAll(async () => {
  test.setTimeout(300_000);
  await docker(lab.engineA.socketPath, 'volume', 'create', ...labels, volume);
  await docker(
    lab.engineA.socketPath,
    'run',
    '--rm',
    '-v',
    `${volume}:/d`,
    lab.image,
    'sh',
    '-c',
    `for i in $(seq 1 ${VOLUME_MB / 10}); do head -c 10485760 /dev/urandom > /d/f$i; done`,
  );
  server = await startServer();
});

test.afterAll(async () => {
  await server?.stop();
  await docker(lab.engineA.socketPath, 'volume', 'rm', '-f', volume).catch(() => undefined);
});

test('mobility: volume copy A to B vs docker run tar | docker -H B run tar', async () => {
  test.setTimeout(600_000);
  const { api, localId, close } = await connect(server);
  const b = await addHost(api, 'bench-mob-b', endpoints.socketB());
  const bytes = Number(
    (
      await docker(
        lab.engineA.socketPath,
        'run',
        '--rm',
        '-v',
        `${volume}:/d`,
        lab.image,
        'sh',
        '-c',
        'cat /d/* | wc -c',
      )
    ).trim(),
  );
  const target = benchName('vol-b');
  const dropB = () => docker(lab.engineB.socketPath, 'volume', 'rm', '-f', target).catch(() => undefined);
  const viaCli = async () => {
    await dropB();
    await docker(lab.engineB.socketPath, 'volume', 'create', ...labels, target);
    const t0 = performance.now();
    await run(
      'sh',
      [
        '-c',
        `docker -H unix://${lab.engineA.socketPath} run --rm -v ${volume}:/v ${lab.image} busybox tar c -C /v . | ` +
          `docker -H unix://${lab.engineB.socketPath} run --rm -i -v ${target}:/v ${lab.image} busybox tar x -C /v`,
      ],
      { timeout: 300_000 },
    );
    return performance.now() - t0;
  };
  const viaBerthmaster = async () => {
    await dropB();
    const t0 = Date.now();
    const { taskId } = await api.mobility.volumeCopy({
      hostId: localId,
      name: volume,
      targetHostId: b,
      targetName: target,
    });
    const end = await taskEnded(api, taskId);
    if (end.state !== 'succeeded') throw new Error(`the copy task ended ${end.state}: ${end.error ?? ''}`);
    return end.at - t0;
  };
  const { reference: cliMs, ours: oursMs } = await interleavedRounds(ROUNDS, viaCli, viaBerthmaster);
  await dropB();
  close();
  const cli = median(cliMs);
  const ours = median(oursMs);
  const ratio = cli / ours;
  record({
    name: 'volume-copy',
    ratio,
    figures: `${(bytes / 1e6).toFixed(0)} MB volume, median of ${ROUNDS} interleaved rounds: Berthmaster ${secs(ours)} (${mbps(bytes, ours)}) vs tar pipe ${secs(cli)} (${mbps(bytes, cli)}); ratio is throughput`,
    checks: [
      {
        label: `copy a ${(bytes / 1e6).toFixed(0)} MB volume A to B (throughput)`,
        target: '>= 0.9x',
        berthmaster: `${secs(ours)}, ${mbps(bytes, ours)}`,
        reference: `docker run tar c | docker -H B run tar x: ${secs(cli)}, ${mbps(bytes, cli)}`,
        ratio,
        met: ratio >= 0.9,
      },
    ],
  });
});

/** Reads everything a TCP connection to 127.0.0.1:port sends after `request`, timing it. */
function drain(
  socket: Duplex,
  request: string,
  expect: number,
  what: string,
  t0 = performance.now(),
): Promise<number> {
  return new Promise((resolve, reject) => {
    let got = 0;
    // A stream that stops moving fails the round, naming itself, instead of hanging the bench.
    let stall: NodeJS.Timeout | undefined;
    const idle = () => {
      clearTimeout(stall);
      stall = setTimeout(() => {
        socket.destroy();
        reject(new Error(`${what}: no bytes for 30 s after ${got} of ${expect}`));
      }, 30_000);
    };
    idle();
    socket.once('close', () => clearTimeout(stall));
    let tail = Buffer.alloc(0);
    socket.on('data', (d: Buffer) => {
      got += d.length;
      idle();
      tail = Buffer.concat([tail, d]).subarray(-300);
      if (got >= expect) {
        socket.destroy();
        resolve(performance.now() - t0);
      }
    });
    socket.once('error', reject);
    socket.once('close', () =>
      got >= expect
        ? undefined
        : reject(
            new Error(
              `stream ended after ${got} of ${expect} bytes; last bytes: ${JSON.stringify(tail.toString('latin1').replace(/\0+/g, '<0>'))}`,
            ),
          ),
    );
    if (request) socket.write(request);
  });
}

const connectTcp = (port: number) =>
  new Promise<net.Socket>((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });

/** A container on engine B serving a STREAM_MB file of zeros over HTTP on port 9000 (not published). */
async function sender(): Promise<{ name: string; ip: string }> {
  const name = benchName('fwd');
  await docker(
    lab.engineB.socketPath,
    'run',
    '-d',
    ...labels,
    '--name',
    name,
    lab.image,
    'sh',
    '-c',
    `mkdir -p /www && head -c ${STREAM_MB * 1024 * 1024} /dev/zero > /www/z && exec httpd -f -p 9000 -h /www`,
  );
  // Ready once httpd answers (the file is written first).
  for (let i = 0; i < 100; i++) {
    const ok = await docker(
      lab.engineB.socketPath,
      'exec',
      name,
      'sh',
      '-c',
      'echo | nc 127.0.0.1 9000 >/dev/null && echo up',
    )
      .then((o) => o.includes('up'))
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const ip = await docker(lab.engineB.socketPath, 'inspect', '-f', '{{.NetworkSettings.IPAddress}}', name);
  return { name, ip };
}

/**
 * The same relay the forward runs (`nc` into the container's port, the HTTP request on its
 * stdin), on a raw hijacked Engine API stream over TLS: what is left is the forward's own cost.
 */
function rawTlsExec(container: string, request: string, bytes: number): Promise<number> {
  const agentOpts = {
    ca: readFileSync(lab.tls.ca),
    cert: readFileSync(lab.tls.cert),
    key: readFileSync(lab.tls.key),
  };
  const base = { host: lab.engineB.tlsHost, port: lab.engineB.tlsPort, ...agentOpts, agent: false as const };
  return new Promise((resolve, reject) => {
    // Timed from the exec create, as each forwarded connection is (it makes and starts an exec too).
    const t0 = performance.now();
    const create = https.request(
      {
        ...base,
        method: 'POST',
        path: `/containers/${container}/exec`,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => {
          const { Id } = JSON.parse(body) as { Id: string };
          const start = https.request({
            ...base,
            method: 'POST',
            path: `/exec/${Id}/start`,
            headers: { 'content-type': 'application/json', connection: 'Upgrade', upgrade: 'tcp' },
          });
          start.on('upgrade', (_r, socket: Duplex) => {
            // 8-byte frame headers every ~32 KiB are a rounding error next to the payload.
            drain(socket, request, bytes, 'raw exec stream', t0).then(resolve, reject);
          });
          start.on('error', reject);
          start.end(JSON.stringify({ Detach: false, Tty: false }));
        });
      },
    );
    create.on('error', reject);
    create.end(
      JSON.stringify({
        AttachStdin: true,
        AttachStdout: true,
        AttachStderr: true,
        Cmd: ['sh', '-c', 'exec nc 127.0.0.1 9000'],
      }),
    );
  });
}

test('mobility: forwarded TCP stream vs ssh -L (SSH host) and a raw hijacked exec stream (TLS host)', async () => {
  test.setTimeout(600_000);
  const bytes = STREAM_MB * 1024 * 1024;
  const { api, close } = await connect(server);
  const ssh = await addHost(api, 'bench-mob-ssh', endpoints.sshB());
  const tls = await addHost(api, 'bench-mob-tls', endpoints.tlsB());
  const { name, ip } = await sender();
  let sshL: ChildProcess | undefined;
  const opened: string[] = [];
  try {
    const fwdSsh = await api.mobility.forwardOpen({ hostId: ssh, container: name, port: 9000 });
    opened.push(fwdSsh.id);
    const fwdTls = await api.mobility.forwardOpen({
      hostId: tls,
      container: name,
      port: 9000,
      relayImage: lab.image,
    });
    opened.push(fwdTls.id);
    // The reference tunnel: OpenSSH's own port forward to the container's address.
    const sshPort = 40000 + Math.floor(Math.random() * 10000);
    sshL = spawn(
      'ssh',
      [
        '-N',
        '-i',
        lab.ssh.ed25519Key,
        '-o',
        `UserKnownHostsFile=${lab.ssh.knownHosts}`,
        '-o',
        'StrictHostKeyChecking=yes',
        '-o',
        'ExitOnForwardFailure=yes',
        '-L',
        `127.0.0.1:${sshPort}:${ip}:9000`,
        '-p',
        String(lab.ssh.port),
        `${lab.ssh.user}@${lab.ssh.host}`,
      ],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 50; i++) {
      if (
        await connectTcp(sshPort).then(
          (s) => (s.destroy(), true),
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const get = 'GET /z HTTP/1.0\r\n\r\n';
    const viaSshL = async () => drain(await connectTcp(sshPort), get, bytes, 'ssh -L');
    const viaFwdSsh = async () => drain(await connectTcp(fwdSsh.localPort), get, bytes, 'SSH forward');
    const viaRaw = () => rawTlsExec(name, get, bytes);
    const viaFwdTls = async () => drain(await connectTcp(fwdTls.localPort), get, bytes, 'TLS forward');
    const times = {
      sshL: [] as number[],
      fwdSsh: [] as number[],
      raw: [] as number[],
      fwdTls: [] as number[],
    };
    for (let i = 0; i < ROUNDS; i++) {
      times.sshL.push(await viaSshL());
      times.fwdSsh.push(await viaFwdSsh());
      times.fwdTls.push(await viaFwdTls());
      times.raw.push(await viaRaw());
    }
    const m = {
      sshL: median(times.sshL),
      fwdSsh: median(times.fwdSsh),
      raw: median(times.raw),
      fwdTls: median(times.fwdTls),
    };
    const sshRatio = m.sshL / m.fwdSsh;
    const tlsRatio = m.raw / m.fwdTls;
    record({
      name: 'forward',
      ratio: Math.min(sshRatio, tlsRatio),
      figures: `${STREAM_MB} MiB per connection, medians of ${ROUNDS}: SSH forward ${mbps(bytes, m.fwdSsh)} vs ssh -L ${mbps(bytes, m.sshL)} (${sshRatio.toFixed(2)}x); TLS forward ${mbps(bytes, m.fwdTls)} vs raw exec stream ${mbps(bytes, m.raw)} (${tlsRatio.toFixed(2)}x)`,
      checks: [
        {
          label: 'forwarded TCP stream over an SSH host (throughput)',
          target: '>= 0.8x',
          berthmaster: `${secs(m.fwdSsh)}, ${mbps(bytes, m.fwdSsh)}`,
          reference: `ssh -L ${secs(m.sshL)}, ${mbps(bytes, m.sshL)}`,
          ratio: sshRatio,
          met: sshRatio >= 0.8,
        },
        {
          label: 'forwarded TCP stream over a TLS host (throughput)',
          target: '>= 0.8x',
          berthmaster: `${secs(m.fwdTls)}, ${mbps(bytes, m.fwdTls)}`,
          reference: `raw hijacked exec stream of the same nc relay ${secs(m.raw)}, ${mbps(bytes, m.raw)}`,
          ratio: tlsRatio,
          met: tlsRatio >= 0.8,
        },
      ],
    });
  } finally {
    // Closing removes the relay helper; a failed round must not leave it behind.
    for (const id of opened) await api.mobility.forwardClose({ id }).catch(() => undefined);
    sshL?.kill('SIGKILL');
    close();
    await docker(lab.engineB.socketPath, 'rm', '-f', name).catch(() => undefined);
  }
});
