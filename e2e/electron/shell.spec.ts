import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/** The Electron binary, if this machine has one (it cannot be downloaded everywhere). */
function electronBinary(): string | undefined {
  const dir = path.resolve('node_modules/electron');
  try {
    const bin = path.join(dir, 'dist', readFileSync(path.join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();

test.describe('Electron shell @foundation', () => {
  test.skip(!binary, 'no Electron binary on this machine');

  test('the window is isolated: no Node in the page, only the bridge', async () => {
    const app = await electron.launch({
      executablePath: binary,
      args: ['out/main/index.js'],
      env: { ...process.env, BERTHMASTER_CONFIG_DIR: mkdtempSync(path.join(os.tmpdir(), 'berthmaster-el-')) },
    });
    const page = await app.firstWindow();
    await expect(page.getByRole('navigation', { name: 'Hosts' })).toBeVisible();
    const globals = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      bridge: Object.keys(window.berthmaster ?? {}).sort(),
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: ['onMessage', 'send'] });
    const opened = await page.evaluate(() => window.open('https://example.com') === null);
    expect(opened).toBe(true);
    const blocked = await page.evaluate(() =>
      fetch('http://127.0.0.1:2375/version').then(
        () => false,
        () => true,
      ),
    );
    expect(blocked).toBe(true);
    await app.close();
  });
});
