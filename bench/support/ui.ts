import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

export function hostButton(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Hosts' }).getByRole('button', { name, exact: true });
}

/**
 * Resolves with the epoch time (ms) of the first animation frame after a container row named
 * `name` (or starting with it) is in the DOM: that frame is the one that paints it. Polls every frame in the page, so
 * Playwright's own polling interval is not measured.
 */
export function rowPaintedAt(page: Page, name: string, timeoutMs = 30_000, prefix = false): Promise<number> {
  return page.evaluate(
    ([rowName, timeout, byPrefix]) =>
      new Promise<number>((resolve, reject) => {
        const started = Date.now();
        const selector = `[role="table"][aria-label="Containers"] [role="row"][aria-label${byPrefix ? '^' : ''}="${rowName}"]`;
        const tick = () => {
          if (document.querySelector(selector)) {
            requestAnimationFrame(() => resolve(Date.now()));
            return;
          }
          if (Date.now() - started > timeout)
            reject(new Error(`row ${rowName} not painted in ${timeout} ms`));
          else requestAnimationFrame(tick);
        };
        tick();
      }),
    [name, timeoutMs, prefix] as const,
  );
}

/** JS heap of the page as Chromium's DevTools reports it (after a GC), in bytes. */
export async function jsHeapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/** Installs a Long Tasks observer before the app loads; read it with `longTasks(page)`. */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __benchLongTasks: Array<{ start: number; duration: number }> };
    w.__benchLongTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        w.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

export function longTasks(page: Page, since = 0): Promise<Array<{ start: number; duration: number }>> {
  return page.evaluate(
    (from) =>
      (
        window as unknown as { __benchLongTasks: Array<{ start: number; duration: number }> }
      ).__benchLongTasks.filter((t) => t.start >= from),
    since,
  );
}

/**
 * Records when large WebSocket messages arrive (epoch ms, size): the moment the data reached the
 * renderer, before the app decodes it. Our listener is added in the constructor, so it runs first.
 */
export async function observeLargeMessages(page: Page, minBytes: number): Promise<void> {
  await page.addInitScript((min) => {
    const w = window as unknown as { __benchMessages: Array<{ at: number; size: number }> };
    w.__benchMessages = [];
    const Native = window.WebSocket;
    class Observed extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener('message', (ev: MessageEvent) => {
          const size = typeof ev.data === 'string' ? ev.data.length : 0;
          if (size >= min) w.__benchMessages.push({ at: Date.now(), size });
        });
      }
    }
    window.WebSocket = Observed;
  }, minBytes);
}

export function largeMessages(page: Page): Promise<Array<{ at: number; size: number }>> {
  return page.evaluate(
    () => (window as unknown as { __benchMessages: Array<{ at: number; size: number }> }).__benchMessages,
  );
}

/**
 * BENCH_PAGE_PROF=<dir>: a CPU profile of the page's main thread over the measured part, written as
 * <dir>/<name>.cpuprofile (open it in Chromium's DevTools). Without it, a no-op.
 */
export async function pageProfile(page: Page, name: string): Promise<() => Promise<void>> {
  const dir = process.env.BENCH_PAGE_PROF;
  if (!dir) return async () => undefined;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  };
}

/**
 * Resolves with performance.now() in the page once a row of the log viewer shows `line` as its
 * text, after first seeing no such row (a reload clears what an earlier read showed). Polls in the
 * page every 50 ms over the rendered rows only (the list is virtualized): Playwright's own
 * visibility polling walks the accessibility tree and forces style work in the page it measures.
 */
export function logRowShownAt(page: Page, line: string, timeoutMs: number): Promise<number> {
  return page.evaluate(
    ([text, timeout]) =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        let cleared = false;
        const tick = () => {
          const region = document.querySelector('[role="log"][aria-label="Log lines"]');
          const rows = region ? [...region.querySelectorAll('.log-row')] : [];
          const shown = rows.some((row) => (row.textContent ?? '').endsWith(text));
          if (!shown) cleared = true;
          else if (cleared) {
            resolve(performance.now());
            return;
          }
          if (performance.now() - started > timeout)
            reject(new Error(`"${text}" not shown in ${timeout} ms`));
          else setTimeout(tick, 50);
        };
        tick();
      }),
    [line, timeoutMs] as const,
  );
}
