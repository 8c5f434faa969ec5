import { describe, expect, it } from 'vitest';
import {
  decideStart,
  distAdvice,
  electronDownloadHost,
  hasDisplay,
  openCommand,
  parseStartArgs,
} from '../../scripts/start-decision.mjs';

const linux = { forceWeb: false, platform: 'linux', env: { DISPLAY: ':0' }, binaryPresent: false };

describe('npm start decides', () => {
  it('starts Electron when the binary is present', () => {
    expect(decideStart({ ...linux, binaryPresent: true })).toEqual({ action: 'electron' });
  });

  it('fetches the binary when it is missing, then starts Electron when the fetch succeeds', () => {
    expect(decideStart(linux)).toEqual({ action: 'fetch' });
    expect(decideStart({ ...linux, fetch: { ok: true } })).toEqual({ action: 'electron' });
  });

  it('falls back to browser mode with the reason when the fetch fails', () => {
    const d = decideStart({
      ...linux,
      fetch: { ok: false, reason: 'cannot reach github.com:443 (ENOTFOUND)' },
    });
    expect(d).toEqual({
      action: 'web',
      reason: 'the Electron binary could not be fetched: cannot reach github.com:443 (ENOTFOUND).',
    });
  });

  it('falls back to browser mode when Electron cannot start', () => {
    const d = decideStart({
      ...linux,
      binaryPresent: true,
      launch: { ok: false, reason: 'Electron exited with code 1' },
    });
    expect(d).toMatchObject({
      action: 'web',
      reason: expect.stringMatching(/could not start: Electron exited with code 1/),
    });
  });

  it('falls back without fetching on Linux with no display', () => {
    for (const binaryPresent of [true, false]) {
      const d = decideStart({ ...linux, env: {}, binaryPresent });
      expect(d).toMatchObject({ action: 'web', reason: expect.stringMatching(/no display/) });
    }
    expect(decideStart({ ...linux, env: { WAYLAND_DISPLAY: 'wayland-0' } })).toEqual({ action: 'fetch' });
  });

  it('never asks for a display on macOS and Windows', () => {
    expect(hasDisplay('darwin', {})).toBe(true);
    expect(hasDisplay('win32', {})).toBe(true);
    expect(hasDisplay('freebsd', {})).toBe(false);
    expect(decideStart({ ...linux, platform: 'win32', env: {} })).toEqual({ action: 'fetch' });
  });

  it('treats ELECTRON_SKIP_BINARY_DOWNLOAD as "never download": browser mode at once', () => {
    const env = { DISPLAY: ':0', ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
    expect(decideStart({ ...linux, env })).toMatchObject({
      action: 'web',
      reason: expect.stringMatching(/ELECTRON_SKIP/),
    });
    expect(decideStart({ ...linux, env, binaryPresent: true })).toEqual({ action: 'electron' });
  });

  it('--web forces browser mode even with Electron present', () => {
    const args = parseStartArgs(['--web', '--port', '0', '--no-open']);
    expect(args).toEqual({ forceWeb: true, open: false, rest: ['--port', '0'] });
    expect(decideStart({ ...linux, forceWeb: args.forceWeb, binaryPresent: true })).toMatchObject({
      action: 'web',
      reason: expect.stringMatching(/--web/),
    });
  });
});

describe('around the decision', () => {
  it('opens the browser with the command of each OS, and with nothing where there is none', () => {
    const url = 'http://127.0.0.1:7420/?token=x';
    expect(openCommand('linux', url, () => true)).toEqual(['xdg-open', [url]]);
    expect(openCommand('linux', url, () => false)).toBeUndefined();
    expect(openCommand('darwin', url, (c: string) => c === 'open')).toEqual(['open', [url]]);
    expect(openCommand('win32', url, () => false)).toEqual(['cmd', ['/c', 'start', '""', url]]);
  });

  it('checks the host Electron downloads from (ELECTRON_MIRROR or GitHub)', () => {
    expect(electronDownloadHost({})).toEqual({ host: 'github.com', port: 443 });
    expect(electronDownloadHost({ ELECTRON_MIRROR: 'http://127.0.0.1:8080/e/' })).toEqual({
      host: '127.0.0.1',
      port: 8080,
    });
    expect(electronDownloadHost({ ELECTRON_MIRROR: 'https://npmmirror.com/mirrors/electron/' })).toEqual({
      host: 'npmmirror.com',
      port: 443,
    });
  });

  it('advises on a failed packaging download in one line', () => {
    const advice = distAdvice('⨯ getaddrinfo ENOTFOUND github.com');
    expect(advice.split('\n')).toHaveLength(1);
    expect(advice).toMatch(/^Berthmaster dist: packaging needs to download the Electron build/);
    expect(distAdvice('⨯ Cannot find module x')).toMatch(/^Berthmaster dist: electron-builder failed/);
  });
});
