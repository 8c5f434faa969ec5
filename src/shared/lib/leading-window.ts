export interface LeadingWindow {
  /** Something changed: run soon, or at the end of the current window. */
  request(): void;
  /** Drops a pending run. */
  cancel(): void;
}

export interface LeadingWindowOptions {
  /** Runs within this many ms of the previous run are coalesced into one at the window's end. */
  windowMs: number;
  /** How "soon" a request after a quiet window runs (default: a 0 ms timer). */
  soon?: (fn: () => void) => void;
  /** The clock (ms); performance.now by default. */
  now?: () => number;
}

/**
 * Coalesces bursts without delaying a lone change: the first request after a quiet window runs
 * soon (the next turn, so requests of the same turn travel together); requests within `windowMs`
 * of the last run wait for the window's end and run once. A trailing debounce made every single
 * change wait for the whole window.
 */
export function leadingWindow(run: () => void, opts: LeadingWindowOptions): LeadingWindow {
  const soon = opts.soon ?? ((fn: () => void) => void setTimeout(fn, 0));
  const now = opts.now ?? (() => performance.now());
  let lastRunAt = -Infinity;
  let scheduled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by cancel(), so a "soon" already queued does nothing. */
  let generation = 0;

  const fire = (gen: number) => {
    if (gen !== generation || !scheduled) return;
    scheduled = false;
    timer = undefined;
    lastRunAt = now();
    run();
  };

  return {
    request() {
      if (scheduled) return;
      scheduled = true;
      const gen = generation;
      const wait = lastRunAt + opts.windowMs - now();
      if (wait <= 0) soon(() => fire(gen));
      else timer = setTimeout(() => fire(gen), wait);
    },
    cancel() {
      generation += 1;
      scheduled = false;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
