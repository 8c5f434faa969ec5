import { test } from '@playwright/test';
import { docker, loadLab, uniqueName } from '../support/lab';
import { startWebApp } from '../support/web-app';

test('bench million', async ({ page }) => {
  test.setTimeout(400_000);
  const lab = loadLab();
  const app = await startWebApp();
  const name = uniqueName('bench-logs');
  await docker(lab.engineA.socketPath, 'run', '-d', '--label', 'dockhand.test=1', '--name', name, lab.image, 'sh', '-c', 'seq 1 1000000; sleep 600');
  try {
    for (let i = 0; i < 60; i++) {
      if ((await docker(lab.engineA.socketPath, 'logs', '--tail', '1', name)) === '1000000') break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    await page.goto(app.url);
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) w.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: false });
    });
    await page.getByRole('navigation', { name: 'Hosts' }).getByRole('button', { name: 'local', exact: true }).click();
    await page.getByRole('button', { name: `Details of ${name}`, exact: true }).click();
    await page.getByRole('tab', { name: 'Logs', exact: true }).click();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
    const t0 = Date.now();
    await page.getByRole('checkbox', { name: 'All lines' }).check();
    // Probe responsiveness while loading: time a trivial evaluate round trip.
    const probes: number[] = [];
    let done = false;
    void page.getByRole('log', { name: 'Log lines' }).getByText('1000000', { exact: true }).waitFor({ timeout: 300_000 }).then(() => (done = true));
    while (!done) {
      const s = Date.now();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      probes.push(Date.now() - s);
      await new Promise((r) => setTimeout(r, 200));
    }
    const total = Date.now() - t0;
    const { profile } = await cdp.send('Profiler.stop');
    const self = new Map<string, number>();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = profile.timeDeltas ?? [];
    (profile.samples ?? []).forEach((id, i) => {
      const n = byId.get(id);
      if (!n) return;
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
    });
    console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${Math.round(v)}ms ${k}`).join('\n'));
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    probes.sort((a, b) => a - b);
    console.log(JSON.stringify({ totalMs: total, frames: probes.length, p50: probes[Math.floor(probes.length / 2)], p95: probes[Math.floor(probes.length * 0.95)], max: probes.at(-1), longTasks: longTasks.length, longestTask: Math.max(0, ...longTasks), heapMB: Math.round(heap / 1e6) }));
  } finally {
    await docker(lab.engineA.socketPath, 'rm', '-f', name).catch(() => undefined);
    await app.stop();
  }
});
