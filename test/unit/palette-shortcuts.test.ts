import { afterEach, describe, expect, it } from 'vitest';
import {
  listCommands,
  listShortcutHints,
  registerCommands,
  registerShortcutHints,
} from '../../src/renderer/src/lib/commands';
import {
  createSequenceTracker,
  formatBinding,
  goSequences,
  isMacPlatform,
  isPlainKey,
  isTextEntry,
  matchesChord,
  type KeyLike,
} from '../../src/renderer/src/lib/shortcuts';

const key = (k: Partial<KeyLike> & { key: string }): KeyLike => ({
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...k,
});
const ctrlK = { kind: 'chord', key: 'k', mod: true } as const;

describe('chords', () => {
  it('Ctrl+K on Linux/Windows, Cmd+K on macOS, with exactly the modifiers asked for', () => {
    expect(matchesChord(key({ key: 'k', code: 'KeyK', ctrlKey: true }), ctrlK, false)).toBe(true);
    expect(matchesChord(key({ key: 'k', code: 'KeyK', metaKey: true }), ctrlK, true)).toBe(true);
    expect(matchesChord(key({ key: 'k', code: 'KeyK', metaKey: true }), ctrlK, false)).toBe(false);
    expect(matchesChord(key({ key: 'K', code: 'KeyK', ctrlKey: true, shiftKey: true }), ctrlK, false)).toBe(
      false,
    );
    expect(
      matchesChord(
        key({ key: 'K', code: 'KeyK', ctrlKey: true, shiftKey: true }),
        { ...ctrlK, shift: true },
        false,
      ),
    ).toBe(true);
  });

  it('uses the physical key for letters, so other layouts still work', () => {
    // A Cyrillic layout reports "л" for the K key.
    expect(matchesChord(key({ key: 'л', code: 'KeyK', ctrlKey: true }), ctrlK, false)).toBe(true);
  });

  it('formats for the platform', () => {
    expect(formatBinding(ctrlK, false)).toEqual(['Ctrl', 'K']);
    expect(formatBinding({ ...ctrlK, shift: true }, true)).toEqual(['⌘', '⇧', 'K']);
    expect(formatBinding({ kind: 'sequence', keys: ['g', 'o'] }, false)).toEqual(['G', 'then', 'O']);
    expect(formatBinding({ kind: 'key', key: '?' }, false)).toEqual(['?']);
    expect(isMacPlatform('MacIntel')).toBe(true);
    expect(isMacPlatform('Linux x86_64')).toBe(false);
  });

  it('a plain key allows Shift ("?") but no other modifier', () => {
    expect(isPlainKey(key({ key: '?', shiftKey: true }), '?')).toBe(true);
    expect(isPlainKey(key({ key: '?', ctrlKey: true }), '?')).toBe(false);
  });
});

describe('sequences', () => {
  it('completes "g then o" within the window, not after it, and not with other keys between', () => {
    const track = createSequenceTracker(() => [
      ['g', 'o'],
      ['g', 'c'],
    ]);
    expect(track('g', 0)).toBe('pending');
    expect(track('o', 500)).toEqual(['g', 'o']);
    expect(track('g', 1000)).toBe('pending');
    expect(track('c', 3000)).toBeUndefined();
    expect(track('x', 4000)).toBeUndefined();
    expect(track('g', 5000)).toBe('pending');
    expect(track('x', 5100)).toBeUndefined();
    expect(track('c', 5200)).toBeUndefined();
  });

  it('gives each page and section the first free letter of its label', () => {
    expect(
      goSequences(['Overview', 'Containers', 'Images', 'Networks', 'Volumes', 'Disk usage', 'Dashboard']),
    ).toEqual([
      { kind: 'sequence', keys: ['g', 'o'] },
      { kind: 'sequence', keys: ['g', 'c'] },
      { kind: 'sequence', keys: ['g', 'i'] },
      { kind: 'sequence', keys: ['g', 'n'] },
      { kind: 'sequence', keys: ['g', 'v'] },
      { kind: 'sequence', keys: ['g', 'd'] },
      { kind: 'sequence', keys: ['g', 'a'] },
    ]);
    expect(goSequences(['ab', 'ba', 'ab'])[2]).toBeUndefined();
  });
});

describe('text entry detection', () => {
  const el = (tagName: string, attrs: Record<string, string> = {}, editable = false) =>
    ({
      tagName,
      getAttribute: (n: string) => attrs[n] ?? null,
      isContentEditable: editable,
    }) as unknown as Element;

  it('treats text inputs, textareas, selects and contenteditable as text entry; buttons and checkboxes not', () => {
    expect(isTextEntry(el('INPUT'))).toBe(true);
    expect(isTextEntry(el('INPUT', { type: 'search' }))).toBe(true);
    expect(isTextEntry(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTextEntry(el('TEXTAREA'))).toBe(true);
    expect(isTextEntry(el('SELECT'))).toBe(true);
    expect(isTextEntry(el('DIV', {}, true))).toBe(true);
    expect(isTextEntry(el('BUTTON'))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});

describe('command registry', () => {
  const undo: Array<() => void> = [];
  afterEach(() => undo.splice(0).forEach((u) => u()));

  it('lists providers in order, follows their state, drops duplicate ids, and unregisters', () => {
    let hosts = ['a'];
    const base = listCommands().length;
    undo.push(
      registerCommands(() =>
        hosts.map((h) => ({ id: `t.${h}`, title: `Go ${h}`, section: 'T', run: () => {} })),
      ),
    );
    undo.push(registerCommands([{ id: 't.a', title: 'duplicate', section: 'T', run: () => {} }]));
    expect(
      listCommands()
        .slice(base)
        .map((c) => c.title),
    ).toEqual(['Go a']);
    hosts = ['a', 'b'];
    expect(
      listCommands()
        .slice(base)
        .map((c) => c.title),
    ).toEqual(['Go a', 'Go b']);
    undo.pop()?.();
    undo.pop()?.();
    expect(listCommands()).toHaveLength(base);
  });

  it('keeps hints for keys bound elsewhere', () => {
    undo.push(
      registerShortcutHints([{ section: 'Hosts', keys: ['Ctrl', '1 … 9'], description: 'n-th host' }]),
    );
    expect(listShortcutHints()).toContainEqual({
      section: 'Hosts',
      keys: ['Ctrl', '1 … 9'],
      description: 'n-th host',
    });
  });
});
