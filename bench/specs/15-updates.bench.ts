import http from 'node:http';
import { test } from '@playwright/test';
import { BENCH_LABELS, benchName, docker, lab, removeContainers } from '../support/bench-objects';
import { engineRequest, inBatches } from '../support/engine';
import { addHost } from '../support/hosts';
import { median, ms, record } from '../support/results';
import { connect, startServer, type BenchApi, type BenchServer } from '../support/server';
import { requestProxy } from '../../test/integration/support/request-proxy';
import { buildImage, forwardRegistryToEngineB } from '../../test/integration/support/fleet';
import { deleteFromRegistry } from '../../test/integration/support/images-backend';

const IMAGES = 5;
const PER_HOST = 100;
const ROUNDS = 5;
/** Distribution calls in flight per host: what the update checker allows itself. */
const WIDTH = 4;
const IDLE_MS = 15_000;

let server: BenchServer;
const repo = benchName('upd');
const refs = Array.from({ length: IMAGES }, (_, i) => `${lab.registry.address}/${repo}:t${i}`);
const made: Record<string, string[]> = {};

test.afterAll(async () => {
  await server?.stop();
  for (const [sock, names] of Object.entries(made)) await removeContainers(sock, names);
  for (const sock of [lab.engineA.socketPath, lab.engineB.socketPath])
    for (const ref of refs) await docker(sock, 'rmi', '-f', ref).catch(() => undefined);
  for (let i = 0; i < IMAGES; i++) await deleteFromRegistry(lab, repo, `t${i}`).catch(() => undefined);
});

/** The reference: GET /distribution/{ref}/json straight at the engine, with the same login. */
function rawDistribution(socketPath: string, ref: string, auth: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        socketPath,
        method: 'GET',
        path: `/distribution/${ref}/json`,
        agent: false,
        headers: { 'X-Registry-Auth': auth },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200 ? resolve(200) : reject(new Error(`${ref}: ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Per engine socket, the references the check asked the registry about. */
type Asked = Array<[string, string[]]>;

async function rawRound(asked: Asked, auth: string): Promise<number> {
  const t0 = performance.now();
  await Promise.all(
    asked.map(([sock, list]) =>
      inBatches(list, WIDTH, async (ref) => void (await rawDistribution(sock, ref, auth))),
    ),
  );
  return performance.now() - t0;
}

async function oursRound(api: BenchApi, hostIds: string[]): Promise<{ ms: number; calls: number }> {
  const t0 = performance.now();
  const snap = await api.updates.check({ hostIds, force: true });
  return { ms: performance.now() - t0, calls: snap.lastCheckCalls };
}

test('updates: a check of 200 containers on 2 hosts vs the raw distribution calls', async () => {
  test.setTimeout(600_000);
  const stopForwarder = await forwardRegistryToEngineB(lab);
  const proxyA = await requestProxy(lab.engineA.socketPath);
  const proxyB = await requestProxy(lab.engineB.socketPath);
  try {
    server = await startServer();
    const { api, close, localId } = await connect(server);
    await api.hosts.remove({ id: localId });
    // Both proxies lead to this machine's own engines: confirmed local, so the registry login may go to them.
    const local = { kind: 'socket', localEngine: true } as const;
    const hostA = await addHost(api, 'upd-a', { ...local, socketPath: proxyA.socketPath });
    const hostB = await addHost(api, 'upd-b', { ...local, socketPath: proxyB.socketPath });
    await api.registries.add({
      address: lab.registry.address,
      username: lab.registry.username,
      secret: lab.registry.password,
    });
    // IMAGES distinct images in the registry, on both engines; PER_HOST containers per engine.
    const labels = Object.entries(BENCH_LABELS)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    for (const [i, ref] of refs.entries()) {
      await buildImage(lab.engineA.socketPath, ref, `FROM ${lab.image}\nLABEL ${labels} n=${i}\n`);
      await waitTask(api, (await api.images.push({ hostId: hostA, reference: ref })).taskId);
      await waitTask(api, (await api.images.pull({ hostId: hostB, reference: ref })).taskId);
    }
    for (const [host, sock] of [
      ['a', lab.engineA.socketPath],
      ['b', lab.engineB.socketPath],
    ] as const) {
      made[sock] = [];
      for (const [i, ref] of refs.entries()) {
        const names = await createContainersOf(sock, `upd${host}${i}`, PER_HOST / IMAGES, ref);
        made[sock].push(...names);
      }
    }
    const auth = Buffer.from(
      JSON.stringify({
        username: lab.registry.username,
        password: lab.registry.password,
        serveraddress: lab.registry.address,
      }),
    ).toString('base64url');

    // Warm both paths once, then interleave rounds. The engines also run other people's containers:
    // the reference asks about exactly the images the check asked about (ours and theirs).
    await oursRound(api, [hostA, hostB]);
    const snap = await api.updates.status({});
    const sockOf: Record<string, string> = {
      [hostA]: lab.engineA.socketPath,
      [hostB]: lab.engineB.socketPath,
    };
    const askedSets = new Map<string, Set<string>>();
    for (const c of snap.containers) {
      if (c.remoteDigest === undefined && c.state !== 'unknown' && c.state !== 'rate-limited') continue;
      const sock = sockOf[c.hostId] as string;
      if (!askedSets.has(sock)) askedSets.set(sock, new Set());
      askedSets
        .get(sock)
        ?.add(c.image.includes(':', c.image.lastIndexOf('/')) ? c.image : `${c.image}:latest`);
    }
    const asked: Asked = [...askedSets].map(([sock, set]) => [sock, [...set]]);
    const askedCount = asked.reduce((n, [, l]) => n + l.length, 0);
    await rawRound(asked, auth);
    const ours: number[] = [];
    const raw: number[] = [];
    let calls = 0;
    for (let r = 0; r < ROUNDS; r++) {
      raw.push(await rawRound(asked, auth));
      const o = await oursRound(api, [hostA, hostB]);
      ours.push(o.ms);
      calls = o.calls;
    }
    // Between checks: no request to either engine but their event streams and heartbeats.
    const seen = [proxyA.lines.length, proxyB.lines.length] as const;
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const between = [...proxyA.lines.slice(seen[0]), ...proxyB.lines.slice(seen[1])].filter(
      (l) => !/\/events/.test(l) && !/\/_ping/.test(l) && !/ \/(v[\d.]+\/)?version/.test(l),
    );
    close();

    const o50 = median(ours);
    const r50 = median(raw);
    const ratio = o50 / r50;
    const containers = Object.values(made).reduce((n, names) => n + names.length, 0);
    record({
      name: 'updates',
      ratio,
      figures: `update check of ${containers} containers (${IMAGES} images) on 2 hosts: median ${ms(o50)} (${calls} distribution calls) (${IMAGES * 2} of them for the bench's own images, the rest for other containers on the engines) vs the same ${askedCount} raw distribution calls ${ms(r50)}, ${ROUNDS} interleaved rounds; requests in ${IDLE_MS / 1000} s after the checks besides events and pings: ${between.length}`,
      checks: [
        {
          label: `check ${containers} containers on 2 hosts, median of ${ROUNDS}`,
          target: '<= 1.5x raw distribution calls',
          berthmaster: `${ms(o50)}, ${calls} calls`,
          reference: `raw GET /distribution x${askedCount}: ${ms(r50)}`,
          ratio,
          met: ratio <= 1.5 && calls === askedCount,
        },
        {
          label: `requests between checks (${IDLE_MS / 1000} s)`,
          target: '0 besides events and pings',
          berthmaster: between.length ? between.slice(0, 5).join(', ') : '0',
          reference: '0',
          ratio: between.length,
          met: between.length === 0,
        },
      ],
    });
  } finally {
    await proxyA.close();
    await proxyB.close();
    await stopForwarder();
  }
});

/** `count` created (not started) containers of `image`, through the Engine API. */
async function createContainersOf(
  sock: string,
  prefix: string,
  count: number,
  image: string,
): Promise<string[]> {
  const base = benchName(prefix);
  const names = Array.from({ length: count }, (_, i) => `${base}-${String(i).padStart(3, '0')}`);
  await inBatches(names, 8, async (name) => {
    const res = await engineRequest(sock, 'POST', `/containers/create?name=${name}`, {
      Image: image,
      Cmd: ['sleep', '3600'],
      Labels: BENCH_LABELS,
    });
    if (res.status !== 201) throw new Error(`create ${name}: ${res.status} ${res.body.toString('utf8')}`);
  });
  return names;
}

async function waitTask(api: BenchApi, taskId: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const sub = api.tasks.watch(
      {},
      {
        onEvent(ev) {
          const tasks = ev.type === 'snapshot' ? ev.tasks : ev.type === 'upsert' ? [ev.task] : [];
          const t = tasks.find((x) => x.id === taskId);
          if (!t || t.state === 'running') return;
          sub.close();
          if (t.state === 'succeeded') resolve();
          else reject(new Error(`${t.title}: ${t.error?.message ?? t.state}`));
        },
        onEnd: (err) => reject(err ?? new Error('tasks.watch ended')),
      },
    );
  });
}
