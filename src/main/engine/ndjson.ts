/** The longest line an engine stream may send before it is refused; real lines are far shorter. */
export const DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024;

export interface NdjsonOptions {
  maxLineBytes?: number;
  /** Told once per line that grew past the cap; that line is skipped up to its newline. */
  onOverflow?(bytes: number): void;
}

/**
 * Splits a newline-delimited byte stream into lines, for every engine stream (events, stats,
 * pull/push/build progress). Each byte is looked at once: only the new chunk is searched for a
 * newline, so a stream that never sends one costs linear time, and the pending line is bounded
 * by `maxLineBytes` (beyond it the line is dropped, not buffered). Splitting bytes, not text,
 * keeps multi-byte characters that straddle chunks intact.
 */
export class NdjsonSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private skipping = false;
  private readonly max: number;

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly opts: NdjsonOptions = {},
  ) {
    this.max = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  }

  push(chunk: Uint8Array): void {
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
      if (!this.skipping && this.pendingBytes + (nl - start) <= this.max) {
        this.pending.push(buf.subarray(start, nl));
        this.emit();
      } else if (!this.skipping) {
        this.opts.onOverflow?.(this.pendingBytes + (nl - start));
      }
      this.reset();
      start = nl + 1;
    }
    if (start >= buf.length || this.skipping) return;
    const rest = buf.subarray(start);
    if (this.pendingBytes + rest.length > this.max) {
      this.opts.onOverflow?.(this.pendingBytes + rest.length);
      this.pending = [];
      this.pendingBytes = 0;
      this.skipping = true;
      return;
    }
    // Copied: the caller may reuse its chunk.
    this.pending.push(Buffer.from(rest));
    this.pendingBytes += rest.length;
  }

  /** The stream ended: a last line without a newline still counts. */
  end(): void {
    if (!this.skipping && this.pendingBytes > 0) this.emit();
    this.reset();
  }

  private emit() {
    const line = Buffer.concat(this.pending).toString('utf8').replace(/\r$/, '');
    if (line.trim()) this.onLine(line);
  }

  private reset() {
    this.pending = [];
    this.pendingBytes = 0;
    this.skipping = false;
  }
}

/** Parses each line as JSON; lines that are not JSON are counted and skipped. */
export class NdjsonObjects<T> {
  malformed = 0;
  private readonly splitter: NdjsonSplitter;
  private out: T[] = [];

  constructor(opts: NdjsonOptions = {}) {
    this.splitter = new NdjsonSplitter((line) => {
      try {
        this.out.push(JSON.parse(line) as T);
      } catch {
        this.malformed++;
      }
    }, opts);
  }

  /** Objects completed by this chunk. */
  push(chunk: Uint8Array): T[] {
    this.splitter.push(chunk);
    const done = this.out;
    this.out = [];
    return done;
  }
}
