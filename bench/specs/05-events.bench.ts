import http from 'node:http';
import { test } from '@playwright/test';
import { benchName, dockerLabelled, lab, removeContainers } from '../support/bench-objects';
import { ms, percentile, record } from '../support/results';
import { startServer, type BenchServer } from '../support/server';
import { hostButton, rowPaintedAt } from '../support/ui';

const TRIALS = 50;
let server: BenchServer;
const made: string[] = [];

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  await server?.stop();
  await removeContainers(lab.engineA.socketPath, made);
});

/** The raw Engine API's own event stream: when each container's `create` event reaches a client. */
function rawCreateEvents(socketPath: string) {
  const seen = new Map<string, number>();
  const filters = encodeURIComponent(JSON.stringify({ type: ['container'], event: ['create'] }));
  const req = http.get({ socketPath, path: `/events?filters=${filters}`, agent: false }, (res) => {
    let buf = '';
    res.setEncoding('utf8');
    res.on('data', (d: string) => {
      buf += d;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const ev = JSON.parse(buf.slice(0, nl)) as { Actor?: { Attributes?: { name?: string } } };
        buf = buf.slice(nl + 1);
        const name = ev.Actor?.Attributes?.name;
        if (name) seen.set(name, Date.now());
      }
    });
  });
  req.on('error', () => undefined);
  return { seen, close: () => req.destroy() };
}

test('events: a container created with the CLI until its row is painted', async ({ page }) => {
  test.setTimeout(300_000);
  const prefix = benchName('ev');
  // Tall enough for all 50 rows: the table is virtualized and new rows sort at the end.
  await page.setViewportSize({ width: 1360, height: 3200 });
  await page.goto(server.url);
  await hostButton(page, 'local').click();
  // Only this run's containers are listed, so each new row is on screen (the list is virtualized).
  await page.getByPlaceholder('Name, image, ID, label').fill(prefix);
  const raw = rawCreateEvents(lab.engineA.socketPath);
  await new Promise((r) => setTimeout(r, 500));
  const ours: number[] = [];
  const ref: number[] = [];
  const added: number[] = [];
  for (let i = 0; i < TRIALS; i++) {
    const name = `${prefix}-${String(i).padStart(2, '0')}`;
    const painted = rowPaintedAt(page, name, 20_000);
    const t0 = Date.now();
    await dockerLabelled('create', name, 'true');
    made.push(name);
    const at = await painted;
    ours.push(at - t0);
    const rawAt = raw.seen.get(name);
    if (rawAt !== undefined) {
      ref.push(rawAt - t0);
      added.push(at - rawAt);
    }
  }
  raw.close();
  const p50 = percentile(ours, 50);
  const p95 = percentile(ours, 95);
  const r50 = percentile(ref, 50);
  const r95 = percentile(ref, 95);
  const ratio = p95 / r95;
  record({
    name: 'events',
    ratio,
    figures: `CLI create to row painted p50 ${ms(p50)} p95 ${ms(p95)} vs raw /events p50 ${ms(r50)} p95 ${ms(r95)}, ${TRIALS} trials (the CLI's own run is inside both); added by Berthmaster p50 ${ms(percentile(added, 50))} p95 ${ms(percentile(added, 95))}`,
    checks: [
      {
        label: `docker create to row painted, added over the raw /events stream, p95 of ${TRIALS}`,
        target: '<= 50 ms added',
        berthmaster: `p50 ${ms(p50)}, p95 ${ms(p95)}`,
        reference: `raw /events stream p50 ${ms(r50)}, p95 ${ms(r95)} (Berthmaster adds p50 ${ms(percentile(added, 50))}, p95 ${ms(percentile(added, 95))})`,
        ratio,
        met: percentile(added, 95) <= 50,
      },
    ],
  });
});
