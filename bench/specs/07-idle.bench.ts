import { test, type Page } from '@playwright/test';
import { lab } from '../support/bench-objects';
import { cpuOver, rssBytes } from '../support/cpu';
import { record } from '../support/results';
import { addHost, endpoints } from '../support/hosts';
import { connect, startServer, type BenchServer } from '../support/server';
import { hostButton, pageProfile } from '../support/ui';
import { requestProxy } from '../../test/integration/support/request-proxy';

const WINDOW_MS = 30_000;
const SETTLE_MS = 10_000;
let server: BenchServer;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  await server?.stop();
});

/** The page's main-thread time (CDP TaskDuration) and the server's CPU over one window, in % of a core. */
async function idleWindow(
  page: Page,
  serverPid: number,
  profile: string,
): Promise<{ server: number; page: number }> {
  // BENCH_PAGE_PROF: what the page does while idle (the sampling adds a little to its figure).
  const stopProfile = await pageProfile(page, profile);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const task = async () =>
    ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ??
      0) as number;
  const page0 = await task();
  const cpu = await cpuOver({ server: serverPid }, WINDOW_MS);
  const pageCpu = (((await task()) - page0) / (WINDOW_MS / 1000)) * 100;
  await cdp.detach();
  await stopProfile();
  return { server: cpu.server as number, page: pageCpu };
}

/** The real UI on screen, showing one host's containers, as a user would leave it; then settled. */
async function openAndSettle(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await hostButton(page, 'idle-a-1').click();
  // The toolbar, not the table: an engine with no containers shows its empty state instead.
  await page.getByRole('searchbox', { name: 'Search containers' }).waitFor();
  // Settle: every host connects, lists and opens its event stream.
  await new Promise((r) => setTimeout(r, SETTLE_MS));
}

test('idle: 20, then 50 hosts connected, nothing changing', async ({ page }) => {
  test.setTimeout(600_000);
  const proxyA = await requestProxy(lab.engineA.socketPath);
  const proxyB = await requestProxy(lab.engineB.socketPath);
  const { api, close } = await connect(server);
  const all = await api.hosts.list({});
  for (const h of all) await api.hosts.remove({ id: h.id });
  // The two engines under several names and links. The socket ones go through counting proxies;
  // TLS and SSH are encrypted (and the certificate names the engine's address), so their requests
  // are not counted, but they run the same code above the link. 20 hosts: 6 + 6 sockets, 4 TLS,
  // 4 SSH; 50 hosts: 15 + 15, 10, 10.
  const plan = (
    sockets: number,
    tls: number,
    ssh: number,
    from: { a: number; b: number; t: number; s: number },
  ) => {
    const out: Array<[string, Parameters<typeof addHost>[2]]> = [];
    for (let i = from.a + 1; i <= sockets; i++)
      out.push([`idle-a-${i}`, { kind: 'socket', socketPath: proxyA.socketPath }]);
    for (let i = from.b + 1; i <= sockets; i++)
      out.push([`idle-b-${i}`, { kind: 'socket', socketPath: proxyB.socketPath }]);
    for (let i = from.t + 1; i <= tls; i++) out.push([`idle-tls-${i}`, endpoints.tlsB()]);
    for (let i = from.s + 1; i <= ssh; i++) out.push([`idle-ssh-${i}`, endpoints.sshB()]);
    return out;
  };
  for (const [name, ep] of plan(6, 4, 4, { a: 0, b: 0, t: 0, s: 0 })) await addHost(api, name, ep);

  await openAndSettle(page, server.url);
  const rss20 = rssBytes(server.pid) / 1024 / 1024;
  const at20 = await idleWindow(page, server.pid, 'idle-20');

  for (const [name, ep] of plan(15, 10, 10, { a: 6, b: 6, t: 4, s: 4 })) await addHost(api, name, ep);
  close();
  await openAndSettle(page, server.url);
  const rss50 = rssBytes(server.pid) / 1024 / 1024;
  const seen0 = [proxyA.lines.length, proxyB.lines.length] as const;
  const at50 = await idleWindow(page, server.pid, 'idle-50');
  const during = [...proxyA.lines.slice(seen0[0]), ...proxyB.lines.slice(seen0[1])];
  // Event streams are long-lived and expected; anything else is a request an idle app should not make.
  const extra = during.filter((l) => !/^GET \/v[\d.]+\/events/.test(l) && !l.startsWith('GET /events'));
  const requests = extra.length;
  const byKind = new Map<string, number>();
  for (const l of extra) {
    const k = l.replace(/[0-9a-f]{64}/g, '<id>').replace(/\?.*$/, '');
    byKind.set(k, (byKind.get(k) ?? 0) + 1);
  }
  const kinds = [...byKind].map(([k, n]) => `${n}x ${k}`);
  await page.close();
  await server.stop();
  await proxyA.close();
  await proxyB.close();

  // The reference: an idle `docker events` CLI costs ~0; the ratio is against the 0.5% target.
  const ratio = at50.server / 0.5;
  const pct = (v: number) => `${v.toFixed(2)}%`;
  record({
    name: 'idle',
    ratio,
    figures:
      `50 hosts, ${WINDOW_MS / 1000} s window: server ${pct(at50.server)} of a core (${((at50.server / 100) * 60).toFixed(2)} CPU-s/min), ` +
      `page main thread ${pct(at50.page)}, ${requests} engine requests on the 30 socket hosts${kinds.length ? ` (${kinds.join(', ')})` : ''}; ` +
      `20 hosts: server ${pct(at20.server)}, page ${pct(at20.page)}; server RSS ${rss20.toFixed(0)} MB with 20 hosts, ${rss50.toFixed(0)} MB with 50; ratio is against the 0.5% target`,
    checks: [
      {
        label: `server CPU, 50 hosts idle (${WINDOW_MS / 1000} s window; 20 hosts: ${pct(at20.server)})`,
        target: '<= 0.5% of a core',
        berthmaster: pct(at50.server),
        reference: 'target 0.5%',
        ratio,
        met: at50.server <= 0.5,
      },
      {
        label: `page main thread, 50 hosts idle (20 hosts: ${pct(at20.page)})`,
        target: '<= 0.2% of a core',
        berthmaster: pct(at50.page),
        reference: 'target 0.2%',
        met: at50.page <= 0.2,
      },
      {
        label: 'engine requests besides event streams, 30 socket hosts counted',
        target: '0',
        berthmaster: String(requests),
        reference: '0',
        met: requests === 0,
      },
      {
        label: `server RSS, 20 hosts connected and idle (50 hosts: ${rss50.toFixed(0)} MB)`,
        target: '<= 120 MB',
        berthmaster: `${rss20.toFixed(0)} MB`,
        reference: '-',
        met: rss20 <= 120,
      },
    ],
  });
});
