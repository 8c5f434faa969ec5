/**
 * Keyboard shortcuts as data: what to press, how to show it, whether an event matches it. Pure,
 * so the palette, the help sheet and the global key handler agree and are unit-tested.
 */
export type Binding =
  /** A chord: `mod` is Ctrl, or Cmd on macOS. */
  | { kind: 'chord'; key: string; mod?: boolean; shift?: boolean; alt?: boolean }
  /** Two plain keys one after the other, GitHub style ("g" then "o"), outside text fields. */
  | { kind: 'sequence'; keys: [string, string] }
  /** One plain key outside text fields ("?"). */
  | { kind: 'key'; key: string };

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function isMacPlatform(platform: string = globalThis.navigator?.platform ?? ''): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

/** The letter or digit of a key event, layout independent for letters and digits. */
function baseKey(e: KeyLike): string {
  const m = /^(?:Key([A-Z])|Digit([0-9]))$/.exec(e.code ?? '');
  if (m) return (m[1] ?? m[2] ?? '').toLowerCase();
  return e.key.length === 1 ? e.key.toLowerCase() : e.key;
}

export function matchesChord(e: KeyLike, b: Extract<Binding, { kind: 'chord' }>, mac: boolean): boolean {
  const mod = mac ? e.metaKey : e.ctrlKey;
  const otherMod = mac ? e.ctrlKey : e.metaKey;
  return (
    mod === (b.mod ?? false) &&
    !otherMod &&
    e.shiftKey === (b.shift ?? false) &&
    e.altKey === (b.alt ?? false) &&
    baseKey(e) === b.key.toLowerCase()
  );
}

/** A plain key (no Ctrl/Cmd/Alt; Shift allowed, since "?" needs it on most layouts). */
export function isPlainKey(e: KeyLike, key: string): boolean {
  return !e.ctrlKey && !e.metaKey && !e.altKey && e.key === key;
}

export function formatBinding(b: Binding, mac: boolean): string[] {
  if (b.kind === 'key') return [b.key];
  if (b.kind === 'sequence') return [b.keys[0].toUpperCase(), 'then', b.keys[1].toUpperCase()];
  const parts: string[] = [];
  if (b.mod) parts.push(mac ? '⌘' : 'Ctrl');
  if (b.alt) parts.push(mac ? '⌥' : 'Alt');
  if (b.shift) parts.push(mac ? '⇧' : 'Shift');
  parts.push(b.key.length === 1 ? b.key.toUpperCase() : b.key);
  return parts;
}

/** Whether keys typed now belong to a text field (plain-key shortcuts must leave them alone). */
export function isTextEntry(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
  }
  return (el as HTMLElement).isContentEditable === true;
}

/** Whether focus is inside an xterm terminal, where Ctrl+K belongs to the shell (kill line). */
export function isInTerminal(el: Element | null): boolean {
  return !!el?.closest?.('.xterm');
}

/**
 * Tracks two-key sequences: feed it plain keys; it returns the sequence completed by this key, if
 * any. A first key waits `windowMs` for its second.
 */
export function createSequenceTracker(sequences: () => ReadonlyArray<[string, string]>, windowMs = 1200) {
  let pending: { key: string; at: number } | undefined;
  return (key: string, now: number): [string, string] | 'pending' | undefined => {
    const k = key.toLowerCase();
    if (pending && now - pending.at <= windowMs) {
      const first = pending.key;
      pending = undefined;
      const hit = sequences().find(([a, b]) => a === first && b === k);
      if (hit) return hit;
    }
    pending = undefined;
    if (sequences().some(([a]) => a === k)) {
      pending = { key: k, at: now };
      return 'pending';
    }
    return undefined;
  };
}

/**
 * "G then <letter>" for each label (pages, host sections), by its first free letter, so a new
 * page or section gets a shortcut without anyone choosing one. Labels that find no free letter
 * get none.
 */
export function goSequences(
  labels: readonly string[],
  taken: ReadonlySet<string> = new Set(),
): Array<Binding | undefined> {
  const used = new Set(taken);
  return labels.map((label) => {
    const letter = [...label.toLowerCase()].find((ch) => /[a-z]/.test(ch) && !used.has(ch));
    if (!letter) return undefined;
    used.add(letter);
    return { kind: 'sequence', keys: ['g', letter] };
  });
}
