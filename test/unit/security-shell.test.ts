import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import fuses from '@electron/fuses';
import { fuseConfig, fuseSettings } from '../../build/fuses.mjs';
import { ipcTransport, oversizeReply } from '../../src/main/electron/ipc-transport';
import { checkExternalUrl, guardedOpenExternal } from '../../src/main/electron/open-external';
import { secureWindowOptions } from '../../src/main/electron/window-options';
import { isOversized, MAX_MESSAGE_BYTES, messageSize } from '../../src/main/security/message-size';
import { silenceSecretDebug } from '../../src/main/security/quiet-debug';
import { RPC_CHANNEL } from '../../src/shared/rpc/ipc-channels';
import { readFileSync } from 'node:fs';
import type { ServerMessage } from '@shared/rpc/protocol';

const { FuseV1Options } = fuses;

describe('fuses of a packaged build', () => {
  it('release: no RunAsNode, NODE_OPTIONS or --inspect; asar only and integrity-checked', () => {
    expect(fuseSettings()).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      OnlyLoadAppFromAsar: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      EnableCookieEncryption: true,
    });
  });

  it('the e2e build differs from release in the --inspect fuse only', () => {
    const release = fuseSettings();
    const e2e = fuseSettings({ e2e: true });
    const differing = Object.keys(release).filter(
      (k) => release[k as keyof typeof release] !== e2e[k as keyof typeof e2e],
    );
    expect(differing).toEqual(['EnableNodeCliInspectArguments']);
  });

  it('maps every fuse of the wire onto @electron/fuses indices, strictly', () => {
    const config = fuseConfig(fuseSettings(), { platform: 'linux', arch: 'x64' });
    expect(config.strictlyRequireAllFuses).toBe(true);
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(config[FuseV1Options.EnableCookieEncryption]).toBe(true);
    const indices = Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number');
    for (const i of indices) expect(typeof config[i]).toBe('boolean');
    expect(config.resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig(fuseSettings(), { platform: 'darwin', arch: 'arm64' }).resetAdHocDarwinSignature).toBe(
      true,
    );
  });

  it('electron-builder runs the hook that flips them', () => {
    const yml = readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');
    expect(yml).toMatch(/^afterPack: \.\/build\/after-pack\.mjs$/m);
  });
});

describe('external links', () => {
  it('allows plain http(s) links', () => {
    expect(checkExternalUrl('https://docs.docker.com/engine/')).toEqual({
      ok: true,
      url: 'https://docs.docker.com/engine/',
    });
    expect(checkExternalUrl('http://10.0.0.5:8080/path?q=1').ok).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://attacker.example/share',
    'vscode://file/etc/passwd',
    'ms-msdt:/id PCWDiagnostic',
    'data:text/html,<script>alert(1)</script>',
    'mailto:someone@example.com',
    'https://user:secret@example.com/',
    'https://example.com/\u0000x',
    'not a url',
    `https://example.com/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => {
    expect(checkExternalUrl(url).ok).toBe(false);
  });

  it('the guarded opener never hands a refused link to the OS', async () => {
    const open = vi.fn(async () => undefined);
    const guarded = guardedOpenExternal(open);
    await expect(guarded('smb://evil/share')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(guarded('file:///etc/passwd')).rejects.toThrow(/only http and https/);
    expect(open).not.toHaveBeenCalled();
    await guarded('https://example.com/x');
    expect(open).toHaveBeenCalledWith('https://example.com/x');
  });
});

describe('window options', () => {
  it('devtools are closed in packaged builds, available in development', () => {
    expect(secureWindowOptions('/p.cjs', { packaged: true }).webPreferences?.devTools).toBe(false);
    expect(secureWindowOptions('/p.cjs').webPreferences?.devTools).toBe(true);
  });
});

describe('IPC message size cap', () => {
  it('measures without walking past the cap, and catches cycles', () => {
    expect(messageSize({ t: 'call', id: 1, method: 'hosts.list', input: {} })).toBeLessThan(100);
    expect(isOversized({ input: 'x'.repeat(MAX_MESSAGE_BYTES) })).toBe(true);
    expect(isOversized({ input: new Uint8Array(MAX_MESSAGE_BYTES + 1) })).toBe(true);
    expect(isOversized({ input: 'x'.repeat(MAX_MESSAGE_BYTES - 1000) })).toBe(false);
    const shared = 'y'.repeat(64 * 1024);
    expect(isOversized({ input: Array.from({ length: 100 }, () => shared) })).toBe(true);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(isOversized(cyclic)).toBe(true);
  });

  function fakeIpc() {
    const sent: ServerMessage[] = [];
    const contents = {
      send: (channel: string, m: ServerMessage) => {
        expect(channel).toBe(RPC_CHANNEL);
        sent.push(m);
      },
      isDestroyed: () => false,
    };
    let deliver: ((event: { sender: unknown }, message: unknown) => void) | undefined;
    const refused: string[] = [];
    const transport = ipcTransport(
      contents as never,
      (listener) => {
        deliver = listener as typeof deliver;
        return () => undefined;
      },
      (r) => refused.push(r),
    );
    const received: unknown[] = [];
    transport.onMessage((m) => received.push(m));
    return { sent, received, refused, deliver: (m: unknown) => deliver?.({ sender: contents }, m) };
  }

  it('drops an oversized call before the dispatcher and answers it with a clear error', () => {
    const ipc = fakeIpc();
    ipc.deliver({ t: 'call', id: 7, method: 'hosts.list', input: { x: 'x'.repeat(MAX_MESSAGE_BYTES) } });
    expect(ipc.received).toEqual([]);
    expect(ipc.refused).toHaveLength(1);
    expect(ipc.sent).toEqual([
      {
        t: 'error',
        id: 7,
        error: { code: 'INVALID_INPUT', message: expect.stringMatching(/larger than 4 MiB/) },
      },
    ]);
    // The transport keeps serving.
    ipc.deliver({ t: 'call', id: 8, method: 'hosts.list', input: {} });
    expect(ipc.received).toEqual([{ t: 'call', id: 8, method: 'hosts.list', input: {} }]);
  });

  it('ends an oversized subscription; says nothing when the message names no request', () => {
    expect(oversizeReply({ t: 'sub', id: 3 })).toMatchObject({
      t: 'end',
      id: 3,
      error: { code: 'INVALID_INPUT' },
    });
    expect(oversizeReply({ t: 'ack', id: 3 })).toBeUndefined();
    expect(oversizeReply('x')).toBeUndefined();
  });
});

describe('debug output', () => {
  it('DEBUG=* cannot turn on docker-modem logging (it prints keys and auth headers)', () => {
    const req = createRequire(import.meta.url);
    const debug = createRequire(req.resolve('docker-modem'))('debug') as {
      enable(ns: string): void;
      disable(): string;
      enabled(ns: string): boolean;
    };
    const before = debug.disable();
    try {
      debug.enable('*');
      expect(debug.enabled('modem')).toBe(true);
      expect(silenceSecretDebug()).toBe(true);
      expect(debug.enabled('modem')).toBe(false);
      // Other namespaces stay as DEBUG asked.
      expect(debug.enabled('express:router')).toBe(true);
      debug.enable('modem');
      silenceSecretDebug();
      expect(debug.enabled('modem')).toBe(false);
    } finally {
      debug.disable();
      if (before) debug.enable(before);
    }
  });
});
