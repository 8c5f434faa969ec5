import { test } from '@playwright/test';
import { createContainers, lab, removeContainers } from '../support/bench-objects';
import { median, ms, record } from '../support/results';
import { connect, startServer, type BenchServer } from '../support/server';

const COUNT = 1000;
const ROUNDS = 21;
let server: BenchServer;
let names: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(600_000);
  names = await createContainers(lab.engineA.socketPath, 'apilog', COUNT);
  server = await startServer();
});

test.afterAll(async () => {
  await server?.stop();
  await removeContainers(lab.engineA.socketPath, names);
});

test('list with the API log recording vs off (1,000 containers, same server)', async () => {
  const { api, localId, close } = await connect(server);
  const list = async () => {
    const t0 = performance.now();
    const rows = await api.containers.list({ hostId: localId, all: true });
    // Other users of the shared engine may prune some of ours meanwhile: both variants list the same.
    if (rows.length < COUNT * 0.9) throw new Error(`listed ${rows.length} containers, expected ~${COUNT}`);
    return performance.now() - t0;
  };
  // Warm both paths, then interleave so both see the same machine load.
  await api.settings.update({ apiLogEntries: 0 });
  await list();
  await api.settings.update({ apiLogEntries: 2_000 });
  await list();
  const on: number[] = [];
  const off: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    await api.settings.update({ apiLogEntries: 2_000 });
    on.push(await list());
    await api.settings.update({ apiLogEntries: 0 });
    off.push(await list());
  }
  await api.settings.update({ apiLogEntries: 2_000 });
  close();
  const ratio = median(on) / median(off);
  record({
    name: 'list-apilog',
    ratio,
    figures: `API log on ${ms(median(on))} vs off ${ms(median(off))}, median of ${ROUNDS} interleaved rounds, ${COUNT} containers`,
    checks: [
      {
        label: `list call with every request recorded (median of ${ROUNDS})`,
        target: '<= 1.03x',
        berthmaster: ms(median(on)),
        reference: `API log off ${ms(median(off))}`,
        ratio,
        met: ratio <= 1.03,
      },
    ],
  });
});
