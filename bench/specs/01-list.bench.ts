import { test } from '@playwright/test';
import { createContainers, lab, removeContainers } from '../support/bench-objects';
import { engineRequest } from '../support/engine';
import { median, ms, record } from '../support/results';
import { connect, startServer, type BenchServer } from '../support/server';
import { hostButton, largeMessages, observeLargeMessages, pageProfile, rowPaintedAt } from '../support/ui';

const COUNT = 1000;
const ROUNDS = 15;
const PAINT_TRIALS = 5;
let server: BenchServer;
let names: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(600_000);
  names = await createContainers(lab.engineA.socketPath, 'list', COUNT);
  server = await startServer();
});

test.afterAll(async () => {
  await server?.stop();
  await removeContainers(lab.engineA.socketPath, names);
});

test('list: 1,000 containers, WebSocket call vs raw GET /containers/json, then rows painted', async ({
  page,
}) => {
  const sock = lab.engineA.socketPath;
  const { api, localId, close } = await connect(server);
  const listed = await api.containers.list({ hostId: localId, all: true });
  if (listed.length < COUNT)
    throw new Error(`Berthmaster listed ${listed.length} containers, expected >= ${COUNT}`);
  await engineRequest(sock, 'GET', '/containers/json?all=1');
  // Interleaved rounds, so both see the same machine load.
  const raw: number[] = [];
  const ours: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    raw.push((await engineRequest(sock, 'GET', '/containers/json?all=1')).ms);
    const t0 = performance.now();
    await api.containers.list({ hostId: localId, all: true });
    ours.push(performance.now() - t0);
  }
  close();

  // Rows painted: from the list's message reaching the page to the first frame showing a row.
  await observeLargeMessages(page, 100_000);
  const paints: number[] = [];
  for (let i = 0; i < PAINT_TRIALS; i++) {
    await page.goto(server.url);
    const stopProfile = await pageProfile(page, `list-${i}`);
    const painted = rowPaintedAt(page, 'bench-list-', 60_000, true);
    await hostButton(page, 'local').click();
    const at = await painted;
    await stopProfile();
    const arrivals = (await largeMessages(page)).filter((m) => m.at <= at);
    const first = arrivals[0];
    if (!first) throw new Error('no list message reached the page before the rows were painted');
    paints.push(at - first.at);
  }

  const ratio = median(ours) / median(raw);
  const paint = median(paints);
  record({
    name: 'list',
    ratio,
    figures:
      `Berthmaster ${ms(median(ours))} vs raw GET ${ms(median(raw))}, median of ${ROUNDS}, ${listed.length} containers; ` +
      `data to rows painted ${ms(paint)} median of ${PAINT_TRIALS} (max ${ms(Math.max(...paints))})`,
    checks: [
      {
        label: `list call, ${listed.length} containers (median of ${ROUNDS})`,
        target: '<= 1.05x',
        berthmaster: ms(median(ours)),
        reference: `raw GET /containers/json ${ms(median(raw))}`,
        ratio,
        met: ratio <= 1.05,
      },
      {
        label: `data arrival to rows painted (median of ${PAINT_TRIALS})`,
        target: '<= 100 ms',
        berthmaster: ms(paint),
        reference: '-',
        met: paint <= 100,
      },
    ],
  });
});
