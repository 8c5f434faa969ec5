import { expect, test, type Page } from '@playwright/test';
import { docker, loadLab, uniqueName, type Lab } from '../support/lab';
import { startWebApp, type WebApp } from '../support/web-app';

let lab: Lab;
let app: WebApp;
const made: string[] = [];

test.beforeAll(async () => {
  lab = loadLab();
  app = await startWebApp();
});

test.afterAll(async () => {
  for (const name of made) await docker(lab.engineA.socketPath, 'rm', '-f', name).catch(() => undefined);
  await app?.stop();
});

async function run(prefix: string, ...args: string[]): Promise<string> {
  const name = uniqueName(prefix);
  made.push(name);
  await docker(lab.engineA.socketPath, 'run', '-d', '--label', 'berthmaster.test=1', '--name', name, ...args);
  return name;
}

/** Opens the local host, then the details of `name` on the given tab. */
async function openTab(page: Page, name: string, tab: 'Logs' | 'Stats') {
  await page.goto(app.url);
  await page
    .getByRole('navigation', { name: 'Hosts' })
    .getByRole('button', { name: 'local', exact: true })
    .click();
  const table = page.getByRole('table', { name: 'Containers' });
  await table.getByRole('button', { name: `Details of ${name}`, exact: true }).click();
  await page.getByRole('tab', { name: tab, exact: true }).click();
}

/** Searches for a text that occurs once and jumps to it. */
async function find(page: Page, text: string) {
  const search = page.getByRole('searchbox', { name: 'Search logs' });
  await search.fill(text);
  await expect(page.getByText('– of 1', { exact: true })).toBeVisible();
  await search.press('Enter');
  await expect(page.getByText('1 of 1', { exact: true })).toBeVisible();
}

test.describe('logs and stats @containers', () => {
  test('logs @containers: both streams told apart, colours, search, filter, follow', async ({ page }) => {
    const script = [
      'for i in $(seq 1 500); do echo out $i; echo err $i >&2; done',
      'printf "\\033[32mgreen ok\\033[0m \\033[1;31mbold red\\033[0m\\n"',
      'while [ ! -f /tmp/go ]; do sleep 0.2; done',
      'echo after-follow',
      'while [ ! -f /tmp/go2 ]; do sleep 0.2; done',
      'echo second-wave',
      'sleep 600',
    ].join('; ');
    const name = await run('e2e-logs', lab.image, 'sh', '-c', script);
    await openTab(page, name, 'Logs');
    await page.getByRole('checkbox', { name: 'All lines' }).check();

    const lines = page.getByRole('log', { name: 'Log lines' });
    await expect(page.getByText('1,001 lines', { exact: true })).toBeVisible();
    // Following: the view sits at the end (nothing to jump to).
    await expect(page.getByText('Following', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: /Jump to latest/ })).toHaveCount(0);
    // stderr lines carry their own tag, stdout lines theirs. (The engine reads the two pipes
    // separately, so their order in the log is its own.)
    const search = page.getByRole('searchbox', { name: 'Search logs' });
    await find(page, 'err 500');
    await expect(lines.locator('.log-row', { hasText: 'err 500' }).getByTitle('stderr')).toHaveText('err');
    await find(page, 'out 500');
    await expect(lines.locator('.log-row', { hasText: 'out 500' }).getByTitle('stdout')).toHaveText('out');

    // The ANSI line: found by search, coloured by style, and no escape codes in the text.
    await find(page, 'green ok');
    const green = lines.locator('mark', { hasText: 'green ok' });
    await expect(green).toBeVisible();
    await expect(green).toHaveCSS('color', 'rgb(26, 127, 55)');
    await expect(
      lines.locator('.log-row', { hasText: 'bold red' }).locator('span[style*="font-weight"]'),
    ).toHaveText('bold red');
    await expect(lines).not.toContainText('[32m');

    // Search jumps to the one match far away, and highlights it.
    await search.fill('err 250');
    await expect(page.getByText('– of 1', { exact: true })).toBeVisible();
    await search.press('Enter');
    await expect(page.getByText('1 of 1', { exact: true })).toBeVisible();
    const mark = lines.locator('mark', { hasText: 'err 250' });
    await expect(mark).toBeVisible();
    await expect(mark).toHaveClass(/is-current/);
    await expect(page.getByRole('button', { name: /Jump to latest/ })).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/logs-search.png' });

    // Only matching lines; then only stderr.
    await search.fill('25');
    await page.getByRole('button', { name: 'Only matching lines' }).click();
    await expect(page.getByText(/^\d+ of 1,001 lines$/)).toBeVisible();
    await expect(lines.getByText('out 25', { exact: true })).toBeVisible();
    await page.getByRole('checkbox', { name: 'stdout' }).uncheck();
    await expect(lines.getByText('out 25', { exact: true })).toHaveCount(0);
    await expect(lines.getByText('err 25', { exact: true })).toBeVisible();
    await page.getByRole('checkbox', { name: 'stdout' }).check();
    await page.getByRole('button', { name: 'Only matching lines' }).click();
    await search.fill('');

    // Wrap: long lines break instead of scrolling sideways; the lines are still all there.
    await page.getByRole('button', { name: 'Wrap' }).click();
    await expect(page.getByRole('button', { name: 'Wrap' })).toHaveAttribute('aria-pressed', 'true');
    await find(page, 'out 333');
    await expect(lines.locator('mark', { hasText: 'out 333' })).toBeVisible();
    await page.getByRole('button', { name: 'Wrap' }).click();
    await search.fill('');

    // Timestamps on, and follow: a line written now appears at the end.
    await page.getByRole('button', { name: 'Timestamps' }).click();
    // The End key in the lines goes back to the end, and auto-scroll resumes there.
    await lines.press('End');
    await expect(page.getByRole('button', { name: /Jump to latest/ })).toHaveCount(0);
    await docker(lab.engineA.socketPath, 'exec', name, 'touch', '/tmp/go');
    await expect(lines.getByText('after-follow', { exact: true })).toBeVisible();
    await expect(lines.locator('.log-row', { hasText: 'after-follow' }).locator('.log-ts')).toHaveText(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/,
    );
    await expect(page.getByText('Following', { exact: true })).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/logs-follow.png' });

    // Follow off: the stream closes and the lines stay. A line written meanwhile comes in once
    // follow is back on, exactly once (resumed after the last line's timestamp).
    await page.getByRole('button', { name: 'Follow' }).click();
    await expect(page.getByText('Not following', { exact: true })).toBeVisible();
    await docker(lab.engineA.socketPath, 'exec', name, 'touch', '/tmp/go2');
    await expect
      .poll(async () => docker(lab.engineA.socketPath, 'logs', '--tail', '1', name))
      .toBe('second-wave');
    await expect(lines.getByText('second-wave', { exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: 'Follow' }).click();
    await expect(lines.getByText('second-wave', { exact: true })).toHaveCount(1);
    await expect(page.getByText('1,003 lines', { exact: true })).toBeVisible();

    // Copy puts the shown lines on the clipboard, as plain text.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy' }).click();
    await expect(page.getByText('Copied 1,003 lines.', { exact: true })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split('\n')).toHaveLength(1003);
    expect(copied).toContain('green ok bold red');

    // Save: a file with every line, as plain text.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save…' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^${name}-\\d{4}-\\d\\d-\\d\\d-\\d{6}\\.log$`));
    const text = await new Promise<string>((resolve, reject) => {
      void file.createReadStream().then((s) => {
        let out = '';
        s.on('data', (d: Buffer) => (out += d.toString('utf8')));
        s.on('end', () => resolve(out));
        s.on('error', reject);
      });
    });
    expect(text.split('\n').filter(Boolean)).toHaveLength(1003);
    expect(text).toContain('green ok bold red');
    expect(text).not.toContain('\x1b');
  });

  test('logs @containers: a million lines open with a bounded buffer and keep following', async ({
    page,
  }) => {
    // The engine alone needs 20-40 s to read a million lines on the shared test machine.
    test.setTimeout(300_000);
    const name = await run(
      'e2e-logs-big',
      lab.image,
      'sh',
      '-c',
      'seq 1 1000000; while [ ! -f /tmp/go ]; do sleep 0.2; done; echo big-after; sleep 600',
    );
    // Wait until all million lines are in the engine's log.
    await expect
      .poll(async () => docker(lab.engineA.socketPath, 'logs', '--tail', '1', name), { timeout: 60_000 })
      .toBe('1000000');
    await openTab(page, name, 'Logs');
    await page.getByRole('checkbox', { name: 'All lines' }).check();
    const lines = page.getByRole('log', { name: 'Log lines' });
    await expect(lines.getByText('1000000', { exact: true })).toBeVisible({ timeout: 200_000 });
    await expect(page.getByText('800,000 older lines dropped', { exact: true })).toBeVisible();
    await expect(page.getByText('200,000 lines', { exact: true })).toBeVisible();
    // Still responsive: search over the buffer, then the follow continues.
    const search = page.getByRole('searchbox', { name: 'Search logs' });
    await search.fill('999999');
    await expect(page.getByText('– of 1', { exact: true })).toBeVisible();
    await search.fill('');
    await docker(lab.engineA.socketPath, 'exec', name, 'touch', '/tmp/go');
    await expect(lines.getByText('big-after', { exact: true })).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/logs-million.png' });
  });

  test('stats @containers: live figures and the charts draw', async ({ page }) => {
    const name = await run('e2e-stats', lab.image, 'sh', '-c', 'yes > /dev/null');
    await openTab(page, name, 'Stats');
    await expect(page.getByText(/Live · one reading a second/)).toBeVisible();
    const cpu = page.getByRole('img', { name: 'CPU usage over the last 5 minutes' });
    // A line needs two readings: the path has a move and at least one line segment.
    await expect(cpu.locator('path.chart-line')).toHaveAttribute('d', /^M[\d.]+ [\d.]+L/, {
      timeout: 20_000,
    });
    await expect(
      page.getByRole('img', { name: 'Memory usage over the last 5 minutes' }).locator('path.chart-line'),
    ).toHaveCount(1);
    await expect(page.locator('.stat-figure', { hasText: 'PIDs' })).toContainText('1');
    // Let a few more readings in so the chart shows a line, not a dot.
    await page.waitForTimeout(4000);
    await page.screenshot({ path: 'e2e/screenshots/stats-view.png' });

    // Leaving the tab closes the stream: the figures are gone with it.
    await page.getByRole('tab', { name: 'Logs', exact: true }).click();
    await expect(cpu).toHaveCount(0);
  });
});
