import type { Page } from '@playwright/test';

/** The renderer's read-only test hook (components/terminal/registry.ts). */
interface TerminalsHook {
  text(sessionId: string): string;
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
      (window as unknown as { __dockhandTerminals?: TerminalsHook }).__dockhandTerminals?.text(sid) ?? '',
    id,
  );
}

/** Polls in the page (every 50 ms) until the terminal's text contains `needle`. */
export function waitForText(page: Page, id: string, needle: string, timeoutMs: number): Promise<number> {
  return page.evaluate(
    ([sid, text, timeout]) =>
      new Promise<number>((resolve, reject) => {
        const started = Date.now();
        const h = (window as unknown as { __dockhandTerminals?: TerminalsHook }).__dockhandTerminals;
        const tick = () => {
          if ((h?.text(sid) ?? '').includes(text)) resolve(Date.now());
          else if (Date.now() - started > timeout) reject(new Error(`"${text}" not shown in ${timeout} ms`));
          else setTimeout(tick, 50);
        };
        tick();
      }),
    [id, needle, timeoutMs] as const,
  );
}

/** Records when each keydown reaches the page (epoch ms): the keystroke, as the app sees it. */
export async function observeKeydowns(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __benchKeydownAt: number };
    w.__benchKeydownAt = 0;
    window.addEventListener('keydown', () => (w.__benchKeydownAt = Date.now()), { capture: true });
  });
}

/**
 * Resolves with how long after the last keydown the first frame came in which the terminal's last
 * line ends with `typed`: the echo is in the buffer, and that frame paints it.
 */
export function echoPaintedAt(page: Page, id: string, typed: string): Promise<number> {
  return page.evaluate(
    ([sid, text]) =>
      new Promise<number>((resolve, reject) => {
        const w = window as unknown as { __benchKeydownAt: number };
        const started = Date.now();
        const h = (window as unknown as { __dockhandTerminals?: TerminalsHook }).__dockhandTerminals;
        const tick = () => {
          const lines = (h?.text(sid) ?? '').trimEnd().split('\n');
          if ((lines[lines.length - 1] ?? '').endsWith(text))
            requestAnimationFrame(() => resolve(Date.now() - w.__benchKeydownAt));
          else if (Date.now() - started > 5_000)
            reject(new Error(`echo of "${text}" not shown in 5 s; last line: "${lines[lines.length - 1]}"`));
          else requestAnimationFrame(tick);
        };
        tick();
      }),
    [id, typed] as const,
  );
}
