import { test } from '@playwright/test';
import { lab } from '../support/bench-objects';
import { useExecTarget } from '../support/exec-target';
import { ms, percentile, record } from '../support/results';
import { openContainerTab } from '../support/open-container';
import { rawEchoLatencies, rawShell } from '../support/raw-exec';
import { echoPaintedAt, observeKeydowns, openShell } from '../support/terminal';

const KEYS = 200;
/** Characters per line before Ctrl-U clears it (a line never wraps). */
const CHUNK = 40;
const { name, server } = useExecTarget();

test('exec latency: keystroke to echo painted vs a raw hijacked exec stream', async ({ page }) => {
  test.setTimeout(300_000);
  const chars = Array.from({ length: KEYS }, (_, i) => String.fromCharCode(97 + (i % 26)));
  const shell = await rawShell(lab.engineA.socketPath, name);
  const raw = await rawEchoLatencies(shell, chars, CHUNK);
  shell.destroy();

  await observeKeydowns(page);
  await openContainerTab(page, server().url, name, 'Terminal');
  const id = await openShell(page);
  const ours: number[] = [];
  const parsed: number[] = [];
  let line = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    line += c;
    const painted = echoPaintedAt(page, id, `/ # ${line}`);
    await page.keyboard.press(c);
    const t = await painted;
    ours.push(t.paintedMs);
    parsed.push(t.parsedMs);
    if ((i + 1) % CHUNK === 0) {
      await page.keyboard.press('Control+U');
      line = '';
      await echoPaintedAt(page, id, '/ #');
    }
  }
  const p50 = percentile(ours, 50);
  const p95 = percentile(ours, 95);
  const d50 = percentile(parsed, 50);
  const d95 = percentile(parsed, 95);
  const r50 = percentile(raw, 50);
  const r95 = percentile(raw, 95);
  const ratio = p95 / r95;
  record({
    name: 'exec-latency',
    ratio,
    figures: `${KEYS} keys: keydown in the page to echo painted p50 ${ms(p50)} p95 ${ms(p95)} (echo in xterm's buffer p50 ${ms(d50)} p95 ${ms(d95)}) vs raw hijacked exec p50 ${ms(r50)} p95 ${ms(r95)}`,
    checks: [
      {
        label: `keystroke to echo in xterm's buffer, p95 of ${KEYS}, minus the raw exec stream's p95`,
        target: '<= 5 ms (painting then costs one frame)',
        berthmaster: `p50 ${ms(p50)}, p95 ${ms(p95)} (in the buffer: p50 ${ms(d50)}, p95 ${ms(d95)})`,
        reference: `raw exec stream p50 ${ms(r50)}, p95 ${ms(r95)}`,
        ratio,
        met: d95 - r95 <= 5,
      },
    ],
  });
});
