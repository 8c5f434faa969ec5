import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICNS_TYPES, pngSize, writeIcns, writeIco } from '../../scripts/icon-formats.mjs';

const root = path.resolve(import.meta.dirname, '../..');
// js-yaml ships with electron-builder, which reads this same file with it.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  appId: string;
  productName: string;
  executableName: string;
  asar: boolean;
  files: string[];
  directories: { buildResources: string; output: string };
  linux: { target: string[]; icon: string; executableName: string; desktop: { entry: { Name: string } } };
  mac: { target: Array<{ target: string; arch: string[] }>; icon: string };
  win: { target: string[]; icon: string };
}

const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

/** Reads an .ico back: its directory entries and the PNG each one points at. */
function parseIco(buf: Buffer) {
  expect(buf.readUInt16LE(0)).toBe(0);
  expect(buf.readUInt16LE(2)).toBe(1);
  const count = buf.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const e = 6 + i * 16;
    const size = buf.readUInt8(e) || 256;
    const length = buf.readUInt32LE(e + 8);
    const offset = buf.readUInt32LE(e + 12);
    const png = buf.subarray(offset, offset + length);
    return { size, bpp: buf.readUInt16LE(e + 6), png };
  });
}

/** Reads an .icns back: chunk types and their PNGs. */
function parseIcns(buf: Buffer) {
  expect(buf.toString('ascii', 0, 4)).toBe('icns');
  expect(buf.readUInt32BE(4)).toBe(buf.length);
  const chunks: Array<{ type: string; png: Buffer }> = [];
  for (let at = 8; at < buf.length;) {
    const len = buf.readUInt32BE(at + 4);
    chunks.push({ type: buf.toString('ascii', at, at + 4), png: buf.subarray(at + 8, at + len) });
    at += len;
  }
  return chunks;
}

describe('electron-builder config', () => {
  it('packages every platform from out/ into an asar', () => {
    expect(config.appId).toBe('io.berthmaster.app');
    expect(config.productName).toBe('Berthmaster');
    expect(config.executableName).toBe('berthmaster');
    expect(config.linux.executableName).toBe('berthmaster');
    expect(config.linux.desktop.entry.Name).toBe('Berthmaster');
    expect(config.asar).toBe(true);
    expect(config.files).toContain('out/**');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['universal'] }]);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('points at icons that exist, made from resources/icon.svg', () => {
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      const file = path.join(root, config.linux.icon, `${size}x${size}.png`);
      expect(pngSize(readFileSync(file))).toEqual({ width: size, height: size });
    }
    const ico = parseIco(readFileSync(path.join(root, config.win.icon)));
    expect(ico.map((e) => e.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const e of ico) expect(pngSize(e.png)).toEqual({ width: e.size, height: e.size });
    const icns = parseIcns(readFileSync(path.join(root, config.mac.icon)));
    expect(icns.map((c) => c.type)).toEqual(ICNS_TYPES.map(([t]) => t));
    for (const c of icns) {
      const size = (ICNS_TYPES.find(([t]) => t === c.type) as [string, number])[1];
      expect(pngSize(c.png).width).toBe(size);
    }
  });
});

describe('icon writers', () => {
  const fakePng = (size: number) => {
    const b = Buffer.alloc(33);
    b.writeUInt32BE(0x89504e47, 0);
    b.writeUInt32BE(0x0d0a1a0a, 4);
    b.write('IHDR', 12, 'ascii');
    b.writeUInt32BE(size, 16);
    b.writeUInt32BE(size, 20);
    return b;
  };
  it('writes an .ico whose entries point at their PNGs', () => {
    const ico = parseIco(writeIco([16, 256].map((size) => ({ size, png: fakePng(size) }))));
    expect(ico.map((e) => [e.size, e.bpp, pngSize(e.png).width])).toEqual([
      [16, 32, 16],
      [256, 32, 256],
    ]);
    expect(() => writeIco([{ size: 512, png: fakePng(512) }])).toThrow(/1-256/);
  });
  it('writes an .icns with only the sizes it has', () => {
    const chunks = parseIcns(writeIcns(new Map([[32, fakePng(32)]])));
    expect(chunks.map((c) => c.type)).toEqual(['icp5', 'ic11']);
    expect(() => pngSize(Buffer.from('GIF89a'))).toThrow(/not a PNG/);
  });
});

describe('build output', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'berthmaster-build-'));
    await promisify(execFile)('npx', ['electron-vite', 'build', '--outDir', outDir], {
      cwd: root,
      timeout: 240_000,
    });
  }, 250_000);
  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('holds every file the packaged app loads', () => {
    const main = path.join(outDir, 'main/index.js');
    expect(existsSync(main)).toBe(true);
    const mainJs = readFileSync(main, 'utf8');
    // The preload that main names, and every chunk that main and web mode import.
    const preloads = [...new Set(mainJs.match(/preload\/index\.[cm]?js/g) ?? [])];
    expect(preloads.length).toBeGreaterThan(0);
    for (const p of preloads) expect(existsSync(path.join(outDir, p)), p).toBe(true);
    for (const entry of ['main/index.js', 'main/web.js']) {
      const js = readFileSync(path.join(outDir, entry), 'utf8');
      for (const m of js.matchAll(/from ["'](\.\/[^"']+)["']/g)) {
        expect(existsSync(path.join(outDir, 'main', m[1] as string)), `${entry} → ${m[1]}`).toBe(true);
      }
    }
    const html = readFileSync(path.join(outDir, 'renderer/index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="(\.\/[^"]+)"/g)].map((m) => m[1] as string);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const a of assets) expect(existsSync(path.join(outDir, 'renderer', a)), a).toBe(true);
  });
});
