import { describe, expect, it } from 'vitest';
import { captureEarlyKeys, keyToInput, PendingInput } from '../../src/renderer/src/lib/early-input';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

/** A stand-in for document: keydown listeners called with fake events. */
function fakeDocument() {
  const listeners = new Set<(e: Event) => void>();
  return {
    addEventListener: (_: string, fn: EventListenerOrEventListenerObject) =>
      listeners.add(fn as (e: Event) => void),
    removeEventListener: (_: string, fn: EventListenerOrEventListenerObject) =>
      listeners.delete(fn as (e: Event) => void),
    type(text: string, target: { tagName: string } = { tagName: 'BUTTON' }) {
      for (const k of text === '\r' ? ['Enter'] : [...text]) {
        const e = { ...key(k), target, preventDefault() {}, stopPropagation() {} } as unknown as Event;
        for (const fn of listeners) fn(e);
      }
    },
    get listening() {
      return listeners.size;
    },
  };
}

describe('keys typed while a terminal opens', () => {
  it('become the bytes a terminal sends', () => {
    expect(keyToInput(key('e'))).toBe('e');
    expect(keyToInput(key('Enter'))).toBe('\r');
    expect(keyToInput(key('Backspace'))).toBe('\x7f');
    expect(keyToInput(key('c', { ctrlKey: true }))).toBe('\x03');
    expect(keyToInput(key('ArrowUp'))).toBe('\x1b[A');
    expect(keyToInput(key('Shift'))).toBeUndefined();
    expect(keyToInput(key('v', { metaKey: true }))).toBeUndefined();
  });

  it('are kept in order, then passed on as they come once a terminal claims them', () => {
    const doc = fakeDocument();
    const keys = captureEarlyKeys(doc);
    doc.type('echo ');
    const got: string[] = [];
    keys.redirect((d) => got.push(d));
    doc.type('hello');
    doc.type('\r');
    expect(got.join('')).toBe('echo hello\r');
    // Keys typed into a field or the terminal's own textarea are theirs.
    doc.type('x', { tagName: 'TEXTAREA' });
    expect(got.join('')).toBe('echo hello\r');
    expect(keys.stop()).toBe('');
    expect(doc.listening).toBe(0);
  });

  it('are bounded', () => {
    const p = new PendingInput(4);
    p.push('ab');
    p.push('cde');
    p.push('f');
    expect(p.take()).toBe('abf');
    expect(p.length).toBe(0);
  });
});
