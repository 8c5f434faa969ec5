import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  allowPermission,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
} from '../../src/main/electron/navigation-policy';
import { secureWindowOptions } from '../../src/main/electron/window-options';
import { contentSecurityPolicy } from '../../src/main/security/csp';
import { checkRequest } from '../../src/main/web/request-guard';
import { parseRequestTarget, type RequestTarget } from '../../src/main/web/request-target';
import { negotiateApiVersion } from '../../src/main/services/hosts/api-version';
import { decodeJson, encodeJson } from '@shared/rpc/json-codec';

describe('Electron window options', () => {
  it('isolates and sandboxes every window', () => {
    const w = secureWindowOptions('/app/preload.cjs').webPreferences;
    expect(w).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });
});

describe('navigation policy', () => {
  const app = 'file:///opt/berthmaster/out/renderer/index.html';
  it('allows only the app page', () => {
    expect(isAppUrl('file:///opt/berthmaster/out/renderer/index.html#x', app)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', app)).toBe(false);
    expect(isAppUrl('https://evil.example/', app)).toBe(false);
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true);
  });
  it('opens only plain http(s) links externally', () => {
    expect(isSafeExternalUrl('https://docs.docker.com/')).toBe(true);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('https://user:pw@example.com/')).toBe(false);
  });
  it('trusts IPC only from the main frame of the app page', () => {
    expect(isTrustedSender({ frameUrl: app, isMainFrame: true }, app)).toBe(true);
    expect(isTrustedSender({ frameUrl: app, isMainFrame: false }, app)).toBe(false);
    expect(isTrustedSender({ frameUrl: 'https://evil.example/', isMainFrame: true }, app)).toBe(false);
    expect(isTrustedSender({ frameUrl: undefined, isMainFrame: true }, app)).toBe(false);
  });
  it('denies every permission but notifications', () => {
    for (const p of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'midi'])
      expect(allowPermission(p)).toBe(false);
    expect(allowPermission('notifications')).toBe(true);
  });
});

describe('CSP', () => {
  it('forbids eval and remote scripts and limits connections to the app', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("default-src 'none'");
  });
});

describe('browser-mode request guard', () => {
  const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
  const at = (target: string) => parseRequestTarget(target) as RequestTarget;
  const origin = 'http://127.0.0.1:8000';
  it('serves static files to loopback hosts without a token', () => {
    expect(checkRequest(req({ host: '127.0.0.1:8000' }), at('/x.js'), 'secret', 8000, false)).toEqual({
      ok: true,
    });
    expect(checkRequest(req({ host: 'localhost:8000' }), at('/'), 'secret', 8000, false).ok).toBe(true);
  });
  it('opens the WebSocket only with the token in its URL, never from a cookie', () => {
    const host = '127.0.0.1:8000';
    expect(checkRequest(req({ host, origin }), at('/rpc?token=secret'), 'secret', 8000, true)).toEqual({
      ok: true,
    });
    expect(checkRequest(req({ host, origin }), at('/rpc'), 'secret', 8000, true)).toMatchObject({
      status: 401,
    });
    expect(checkRequest(req({ host, origin }), at('/rpc?token=nope'), 'secret', 8000, true)).toMatchObject({
      status: 401,
    });
    expect(
      checkRequest(
        req({ host, origin, cookie: 'berthmaster_token=secret' }),
        at('/rpc'),
        'secret',
        8000,
        true,
      ),
    ).toMatchObject({ status: 401 });
  });
  it('answers 403 to foreign Host headers (DNS rebinding) and Origins', () => {
    expect(checkRequest(req({ host: 'evil.example:8000' }), at('/'), 'secret', 8000, false)).toMatchObject({
      status: 403,
    });
    expect(
      checkRequest(
        req({ host: '127.0.0.1:8000', origin: 'http://evil.example' }),
        at('/rpc?token=secret'),
        'secret',
        8000,
        true,
      ),
    ).toMatchObject({ status: 403 });
  });
});

describe('request targets', () => {
  it('parses origin-form targets and refuses everything else without throwing', () => {
    expect(parseRequestTarget('/assets/a%20b.js?x=1')?.path).toBe('/assets/a b.js');
    expect(parseRequestTarget('/rpc?token=abc')?.query.get('token')).toBe('abc');
    for (const bad of ['//[', '/%', '/%E0%A4%A', '/a%00b', '*', 'http://[/', '', '/a b', '/\u00e9'])
      expect(parseRequestTarget(bad), bad).toBeUndefined();
  });
});

describe('API version negotiation', () => {
  it('uses the lower of ours and the engine, refusing ancient engines', () => {
    expect(negotiateApiVersion('1.41')).toBe('1.41');
    expect(negotiateApiVersion('1.51')).toBe('1.43');
    expect(negotiateApiVersion('1.12')).toBeUndefined();
  });
});

describe('JSON codec', () => {
  it('carries bytes through JSON', () => {
    const bytes = new Uint8Array([0, 1, 200, 255]);
    const back = decodeJson(encodeJson({ data: bytes, buf: Buffer.from('hé') })) as {
      data: Uint8Array;
      buf: Uint8Array;
    };
    expect([...back.data]).toEqual([0, 1, 200, 255]);
    expect(new TextDecoder().decode(back.buf)).toBe('hé');
  });
});
