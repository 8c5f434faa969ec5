import type { MergedLogLine } from '@shared/contract';

/** Unix "sec.nnnnnnnnn" strings compare as text once the seconds have the same width. */
const key = (ts: string) => ts.padStart(21, '0');

interface Held {
  line: MergedLogLine;
  arrived: number;
  seq: number;
}

/**
 * Puts lines from many containers in engine-timestamp order. Each line waits `windowMs` after it
 * arrived, so a slower stream's earlier lines can still go before it; lines due are released with
 * every held line that is not newer than them, sorted (ties keep arrival order).
 */
export class ReorderBuffer {
  private held: Held[] = [];
  private seq = 0;

  constructor(private readonly windowMs: number) {}

  get size(): number {
    return this.held.length;
  }

  add(lines: readonly MergedLogLine[], now: number): void {
    for (const line of lines) this.held.push({ line, arrived: now, seq: this.seq++ });
  }

  /** Lines due now, in time order; `all` releases everything (the stream is ending). */
  take(now: number, all = false): MergedLogLine[] {
    if (this.held.length === 0) return [];
    let cutoff = '';
    for (const h of this.held)
      if (all || now - h.arrived >= this.windowMs) {
        const k = key(h.line.ts);
        if (k > cutoff) cutoff = k;
      }
    if (!cutoff) return [];
    const out: Held[] = [];
    const keep: Held[] = [];
    for (const h of this.held) (key(h.line.ts) <= cutoff ? out : keep).push(h);
    this.held = keep;
    out.sort((a, b) => {
      const ka = key(a.line.ts);
      const kb = key(b.line.ts);
      return ka < kb ? -1 : ka > kb ? 1 : a.seq - b.seq;
    });
    return out.map((h) => h.line);
  }
}
