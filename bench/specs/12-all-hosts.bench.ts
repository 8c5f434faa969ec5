import { test, type Page } from '@playwright/test';
import { createContainers, lab, removeContainers } from '../support/bench-objects';
import { engineRequest } from '../support/engine';
import { addHost, endpoints } from '../support/hosts';
import { median, ms, record } from '../support/results';
import { connect, startServer, type BenchServer } from '../support/server';
import { requestProxy } from '../../test/integration/support/request-proxy';
import { pageProfile } from '../support/ui';

// Scale: 20 hosts of 500 containers each, all on engine B (12 sockets through a counting proxy,
// 4 TLS, 4 SSH), merged in the All containers page.
const HOSTS = { socket: 12, tls: 4, ssh: 4 };
const HOST_COUNT = HOSTS.socket + HOSTS.tls + HOSTS.ssh;
const PER_HOST = 500;
const ROUNDS = 3;
let server: BenchServer;
let names: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(900_000);
  names = await createContainers(lab.engineB.socketPath, 'fleet', PER_HOST, ['true'], 32);
  server = await startServer();
});

test.afterAll(async () => {
  test.setTimeout(900_000);
  await server?.stop();
  await removeContainers(lab.engineB.socketPath, names, 32);
});

/** The raw reference: every host's list at once, as the page asks them; the slowest one. */
async function slowestRawList(): Promise<{ ms: number; count: number }> {
  const all = await Promise.all(
    Array.from({ length: HOST_COUNT }, () =>
      engineRequest(lab.engineB.socketPath, 'GET', '/containers/json?all=1'),
    ),
  );
  const count = (JSON.parse((all[0] as { body: Buffer }).body.toString('utf8')) as unknown[]).length;
  return { ms: Math.max(...all.map((r) => r.ms)), count };
}

/**
 * Clicks "All containers" from inside the page and resolves with the time (ms) from the click to the
 * first frame after the page's count shows at least `total` containers on every host.
 */
function clickToAllRows(page: Page, total: number, hosts: number): Promise<number> {
  return page.evaluate(
    ([want, hostCount]) =>
      new Promise<number>((resolve, reject) => {
        const nav = document.querySelector('nav[aria-label="Pages"]');
        const button = [...(nav?.querySelectorAll('button') ?? [])].find(
          (b) => b.textContent?.trim() === 'All containers',
        );
        if (!button) return reject(new Error('no "All containers" button in the Pages navigation'));
        const started = performance.now();
        button.click();
        const tick = () => {
          const count = document.querySelector('section[aria-label="All containers"] .toolbar-count');
          const m = /of (\d+) running on (\d+) hosts/.exec(count?.textContent ?? '');
          const rows = document.querySelector(
            '[role="table"][aria-label="Containers on all hosts"] [role="row"]',
          );
          if (m && Number(m[1]) >= want && Number(m[2]) === hostCount && rows) {
            requestAnimationFrame(() => resolve(performance.now() - started));
            return;
          }
          if (performance.now() - started > 120_000)
            reject(new Error(`not all rows ready in 120 s (count: ${count?.textContent ?? 'none'})`));
          else requestAnimationFrame(tick);
        };
        tick();
      }),
    [total, hosts] as const,
  );
}

test('All containers: 20 hosts x 500 containers, click to all rows ready vs the slowest raw list', async ({
  page,
}) => {
  test.setTimeout(900_000);
  const proxy = await requestProxy(lab.engineB.socketPath);
  const { api, close } = await connect(server);
  for (const h of await api.hosts.list({})) await api.hosts.remove({ id: h.id });
  for (let i = 1; i <= HOSTS.socket; i++)
    await addHost(api, `fleet-sock-${i}`, { kind: 'socket', socketPath: proxy.socketPath });
  for (let i = 1; i <= HOSTS.tls; i++) await addHost(api, `fleet-tls-${i}`, endpoints.tlsB());
  for (let i = 1; i <= HOSTS.ssh; i++) await addHost(api, `fleet-ssh-${i}`, endpoints.sshB());
  close();

  // A fresh page each round, "All containers" clicked as soon as it can be: the page connects to
  // the server, subscribes to every host and lists all 20. The server keeps its engine links
  // between pages (as a running app does), so one unmeasured round opens them first.
  const round = async (profile?: string) => {
    await page.goto(server.url);
    await page
      .getByRole('navigation', { name: 'Pages' })
      .getByRole('button', { name: 'All containers' })
      .waitFor();
    const stopProfile = profile ? await pageProfile(page, profile) : undefined;
    const took = await clickToAllRows(page, HOST_COUNT * PER_HOST, HOST_COUNT);
    await stopProfile?.();
    return took;
  };
  const warmup = await round();
  const raw: number[] = [];
  const ours: number[] = [];
  let perHost = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const r = await slowestRawList();
    raw.push(r.ms);
    perHost = r.count;
    ours.push(await round(`all-hosts-${i}`));
  }
  await page.close();
  await proxy.close();

  const ratio = median(ours) / median(raw);
  record({
    name: 'all-hosts',
    ratio,
    figures:
      `${HOST_COUNT} hosts (${HOSTS.socket} socket, ${HOSTS.tls} TLS, ${HOSTS.ssh} SSH) x ${perHost} containers: ` +
      `click to all rows ready ${ms(median(ours))} vs the slowest of ${HOST_COUNT} parallel raw GETs ${ms(median(raw))}, ` +
      `medians of ${ROUNDS} interleaved rounds (${ours.map(ms).join(', ')} vs ${raw.map(ms).join(', ')}); first page, engine links opening: ${ms(warmup)}`,
    checks: [
      {
        label: `All containers, ${HOST_COUNT} hosts x ${perHost}: click to all rows ready (median of ${ROUNDS})`,
        target: '<= 1.3x',
        berthmaster: ms(median(ours)),
        reference: `slowest of ${HOST_COUNT} parallel raw GET /containers/json ${ms(median(raw))}`,
        ratio,
        met: ratio <= 1.3,
      },
    ],
  });
});
