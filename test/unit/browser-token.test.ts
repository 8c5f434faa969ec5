import { describe, expect, it } from 'vitest';
import { takeBrowserToken } from '../../src/renderer/src/rpc/browser-token';

function place(href: string, stored: Record<string, string> = {}) {
  const replaced: string[] = [];
  return {
    stored,
    replaced,
    href,
    storage: {
      getItem: (k: string) => stored[k] ?? null,
      setItem: (k: string, v: string) => void (stored[k] = v),
    },
    replaceUrl: (u: string) => void replaced.push(u),
  };
}

describe('browser-mode token', () => {
  it('takes the token from the printed URL, keeps it for reloads and removes it from the address bar', () => {
    const first = place('http://127.0.0.1:7420/?token=abc&tab=x#logs');
    expect(takeBrowserToken(first)).toBe('abc');
    expect(first.replaced).toEqual(['/?tab=x#logs']);
    // A reload: the address no longer has it, this tab's storage does.
    const reload = place('http://127.0.0.1:7420/?tab=x#logs', first.stored);
    expect(takeBrowserToken(reload)).toBe('abc');
    expect(reload.replaced).toEqual([]);
  });
  it('has no token when neither the URL nor the tab has one', () => {
    expect(takeBrowserToken(place('http://127.0.0.1:7420/'))).toBeUndefined();
  });
});
