// `npm run icons`: resources/icon.svg → resources/icons/NxN.png (Linux), icon.ico (Windows),
// icon.icns (macOS), icon.png (1024). Renders with the Chromium Playwright already uses.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { pngSize, writeIcns, writeIco } from './icon-formats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resources = path.join(root, 'resources');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const svg = readFileSync(path.join(resources, 'icon.svg'), 'utf8');
const executablePath =
  process.env.BERTHMASTER_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--no-sandbox'],
});
const pngs = new Map();
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.locator('img').evaluate((img) => /** @type {HTMLImageElement} */ (img).decode());
    const png = await page.screenshot({
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    const got = pngSize(png);
    if (got.width !== size || got.height !== size)
      throw new Error(`rendered ${got.width}x${got.height}, wanted ${size}`);
    pngs.set(size, png);
  }
} finally {
  await browser.close();
}

mkdirSync(path.join(resources, 'icons'), { recursive: true });
for (const [size, png] of pngs) writeFileSync(path.join(resources, 'icons', `${size}x${size}.png`), png);
writeFileSync(path.join(resources, 'icon.png'), pngs.get(1024));
writeFileSync(
  path.join(resources, 'icon.ico'),
  writeIco(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))),
);
writeFileSync(path.join(resources, 'icon.icns'), writeIcns(pngs));
console.log(`icons: ${SIZES.length} PNGs, icon.ico, icon.icns in resources/`);
