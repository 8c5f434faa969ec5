/**
 * Keys typed while a terminal is still opening. From the click on Open shell (or Start again,
 * Reopen) until the session is attached, nothing can take the keys yet: first there is no
 * terminal, then there is one but no session to send to. They are kept here, in order, as the
 * bytes a terminal would send, and go out once the session is attached.
 */

/** What xterm would send for a key typed outside it (the common keys; others are not captured). */
export function keyToInput(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>,
): string | undefined {
  if (e.metaKey) return undefined;
  if (e.key.length === 1) {
    if (e.ctrlKey) {
      const code = e.key.toUpperCase().charCodeAt(0);
      return code >= 64 && code <= 95 ? String.fromCharCode(code - 64) : undefined;
    }
    return e.altKey ? `\x1b${e.key}` : e.key;
  }
  if (e.ctrlKey || e.altKey) return undefined;
  return SPECIAL[e.key];
}

const SPECIAL: Record<string, string> = {
  Enter: '\r',
  Backspace: '\x7f',
  Tab: '\t',
  Escape: '\x1b',
  ArrowUp: '\x1b[A',
  ArrowDown: '\x1b[B',
  ArrowRight: '\x1b[C',
  ArrowLeft: '\x1b[D',
  Home: '\x1b[H',
  End: '\x1b[F',
  Delete: '\x1b[3~',
};

/** Typed input kept until a session can take it (bounded: a stuck open must not grow forever). */
export class PendingInput {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly max = 64 * 1024) {}

  push(data: string): void {
    if (this.size + data.length > this.max) return;
    this.parts.push(data);
    this.size += data.length;
  }

  /** Everything kept, oldest first, and empties the queue. */
  take(): string {
    const all = this.parts.join('');
    this.parts = [];
    this.size = 0;
    return all;
  }

  get length(): number {
    return this.size;
  }
}

export interface EarlyKeys {
  /** Sends what was kept to `sink`, and every key captured from now on as it comes. */
  redirect(sink: (data: string) => void): void;
  /** Stops capturing; returns what was kept and not yet redirected. */
  stop(): string;
}

/** A capture stops by itself (its terminal never got focus), so the page never keeps losing keys to it. */
const CAPTURE_MAX_MS = 10_000;

/**
 * Captures keys typed anywhere in the page (outside editable fields, so not once xterm's own
 * textarea has focus) from now until stop(): the keys typed between the click and the terminal.
 */
export function captureEarlyKeys(
  target: Pick<Document, 'addEventListener' | 'removeEventListener'> = document,
): EarlyKeys {
  const pending = new PendingInput();
  let sink: ((data: string) => void) | undefined;
  const onKey = (e: KeyboardEvent) => {
    const el = e.target as HTMLElement | null;
    // A terminal (xterm's textarea) or a form field takes its own keys.
    if (el && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' || el.isContentEditable)) return;
    const data = keyToInput(e);
    if (data === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    if (sink) sink(data);
    else pending.push(data);
  };
  target.addEventListener('keydown', onKey as EventListener, true);
  const stop = () => {
    clearTimeout(timer);
    target.removeEventListener('keydown', onKey as EventListener, true);
    return pending.take();
  };
  const timer = setTimeout(stop, CAPTURE_MAX_MS);
  return {
    redirect(next) {
      const kept = pending.take();
      if (kept) next(kept);
      sink = next;
    },
    stop,
  };
}

/** Captures for sessions whose terminal does not exist yet, by session id. */
const unclaimed = new Map<string, EarlyKeys>();

export function handOverEarlyKeys(sessionId: string, keys: EarlyKeys): void {
  unclaimed.get(sessionId)?.stop();
  unclaimed.set(sessionId, keys);
}

/** The terminal of `sessionId` takes over the keys typed before it existed. */
export function claimEarlyKeys(sessionId: string): EarlyKeys | undefined {
  const keys = unclaimed.get(sessionId);
  unclaimed.delete(sessionId);
  return keys;
}
