import type { Page } from '@playwright/test';

/** The renderer's read-only test hook (components/terminal/registry.ts). */
interface TerminalsHook {
  text(sessionId: string, lastLines?: number): string;
  writtenAt(sessionId: string): number | undefined;
}

export const dock = (page: Page) => page.getByRole('region', { name: 'Terminals' });

/** Opens a shell in the Terminal tab on screen; returns its session id once the prompt shows. */
export async function openShell(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Open shell' }).click();
  const pane = dock(page).locator('.terminal-panel.is-active .terminal-pane');
  await pane.waitFor();
  const id = (await pane.getAttribute('data-session-id')) as string;
  await waitForText(page, id, '/ # ', 30_000);
  await dock(page).locator('.terminal-panel.is-active .xterm-helper-textarea').focus();
  return id;
}

export function terminalText(page: Page, id: string): Promise<string> {
  return page.evaluate(
    (sid) =>
      (window as unknown as { __berthmasterTerminals?: TerminalsHook }).__berthmasterTerminals?.text(sid) ??
      '',
    id,
  );
}

/**
 * The buffer's tail is what the pollers read: the whole scrollback (5,000 lines) every 50 ms took
 * ~15% of the page's main thread in the throughput scenario, slowing what it measured.
 */
const TAIL_LINES = 100;

/** Polls in the page (every 50 ms) until the terminal's last lines contain `needle`. */
export function waitForText(page: Page, id: string, needle: string, timeoutMs: number): Promise<number> {
  return page.evaluate(
    ([sid, text, timeout, tail]) =>
      new Promise<number>((resolve, reject) => {
        const started = Date.now();
        const h = (window as unknown as { __berthmasterTerminals?: TerminalsHook }).__berthmasterTerminals;
        const tick = () => {
          if ((h?.text(sid, tail) ?? '').includes(text)) resolve(Date.now());
          else if (Date.now() - started > timeout) reject(new Error(`"${text}" not shown in ${timeout} ms`));
          else setTimeout(tick, 50);
        };
        tick();
      }),
    [id, needle, timeoutMs, TAIL_LINES] as const,
  );
}

/** Records when each keydown reaches the page (performance.now()): the keystroke, as the app sees it. */
export async function observeKeydowns(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __benchKeydownAt: number };
    w.__benchKeydownAt = 0;
    window.addEventListener('keydown', () => (w.__benchKeydownAt = performance.now()), { capture: true });
  });
}

export interface EchoTiming {
  /** Keydown to the echo parsed into xterm's buffer: the data path, comparable to a raw stream. */
  parsedMs: number;
  /** Keydown to the frame that paints it: the data path plus the wait for the next frame. */
  paintedMs: number;
}

/**
 * Checks at every frame whether the terminal's last line ends with `typed`. The first frame whose
 * animation callbacks see it is the frame that paints it (xterm renders in the same frame's
 * callbacks, queued when it parsed the echo): the time seen there, after the check, is when the
 * echo is painted, give or take the render itself.
 */
export function echoPaintedAt(page: Page, id: string, typed: string): Promise<EchoTiming> {
  return page.evaluate(
    ([sid, text, tail]) =>
      new Promise<EchoTiming>((resolve, reject) => {
        const w = window as unknown as { __benchKeydownAt: number };
        const started = performance.now();
        const h = (window as unknown as { __berthmasterTerminals?: TerminalsHook }).__berthmasterTerminals;
        const tick = () => {
          const lines = (h?.text(sid, tail) ?? '').trimEnd().split('\n');
          if ((lines[lines.length - 1] ?? '').endsWith(text)) {
            const keyAt = w.__benchKeydownAt;
            const now = performance.now();
            resolve({ parsedMs: (h?.writtenAt(sid) ?? now) - keyAt, paintedMs: now - keyAt });
          } else if (performance.now() - started > 5_000)
            reject(new Error(`echo of "${text}" not shown in 5 s; last line: "${lines[lines.length - 1]}"`));
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    [id, typed, TAIL_LINES] as const,
  );
}
