import type { LogStreamCode } from '@shared/contract';
import type { DecodedLine, LineBatch } from './log-decoder';
import { stripAnsi } from './sgr';

/** Lines the viewer keeps by default; older ones are dropped (and counted). */
export const DEFAULT_MAX_LINES = 200_000;

interface Chunk extends LineBatch {
  /** Sequence number of the chunk's line 0. */
  firstSeq: number;
}

/**
 * A bounded buffer of log lines with stable sequence numbers: line `seq` stays line `seq` while
 * newer lines push older ones out. Lines are kept as the packed batches they arrived in (one
 * string per batch, typed arrays for the rest), and a line's text is cut out only when someone
 * looks at it, so memory is about the size of the text and the garbage collector has little to
 * walk. A chunk is released once all of its lines have been dropped.
 */
export class LineRing {
  private chunks: Chunk[] = [];
  /** Index of the oldest chunk still in use (chunks before it are released in bulk). */
  private head = 0;
  private first = 0;
  private next = 0;

  constructor(readonly capacity: number = DEFAULT_MAX_LINES) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error('capacity must be a positive integer');
  }

  get size(): number {
    return this.next - this.first;
  }

  /** Every line ever pushed. */
  get total(): number {
    return this.next;
  }

  get dropped(): number {
    return this.first;
  }

  /** Sequence number of the oldest line kept. */
  get firstSeq(): number {
    return this.first;
  }

  pushBatch(batch: LineBatch | undefined): void {
    if (!batch || batch.count === 0) return;
    this.chunks.push({ ...batch, firstSeq: this.next });
    this.next += batch.count;
    if (this.next - this.first > this.capacity) this.first = this.next - this.capacity;
    // Release chunks whose lines are all gone.
    while (this.head < this.chunks.length) {
      const c = this.chunks[this.head] as Chunk;
      if (c.firstSeq + c.count > this.first) break;
      this.head++;
    }
    if (this.head > 64 && this.head > this.chunks.length / 2) {
      this.chunks = this.chunks.slice(this.head);
      this.head = 0;
    }
  }

  /** One line (tests, and the rare single line). */
  push(line: DecodedLine): void {
    const raw = line.ts ? `${line.ts} ${line.text}` : line.text;
    this.pushBatch({
      text: raw,
      starts: Int32Array.of(0),
      ends: Int32Array.of(raw.length),
      streams: Uint8Array.of(line.stream),
      tsLens: Uint8Array.of(line.ts ? line.ts.length + 1 : 0),
      count: 1,
    });
  }

  clear(): void {
    this.chunks = [];
    this.head = 0;
    this.first = 0;
    this.next = 0;
  }

  has(seq: number): boolean {
    return seq >= this.first && seq < this.next;
  }

  /** The chunk holding `seq` and the line's index in it (binary search over chunks). */
  private locate(seq: number): [Chunk, number] {
    if (!this.has(seq)) throw new RangeError(`line ${seq} is not in the buffer`);
    let lo = this.head;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.chunks[mid] as Chunk).firstSeq <= seq) lo = mid;
      else hi = mid - 1;
    }
    const c = this.chunks[lo] as Chunk;
    return [c, seq - c.firstSeq];
  }

  /** The line without its timestamp; may contain ANSI escapes. */
  text(seq: number): string {
    const [c, i] = this.locate(seq);
    return c.text.slice((c.starts[i] as number) + (c.tsLens[i] as number), c.ends[i]);
  }

  /** The text without escape sequences (search, copy, save). */
  plain(seq: number): string {
    return stripAnsi(this.text(seq));
  }

  /** The engine's timestamp of the line ('' when none). */
  ts(seq: number): string {
    const [c, i] = this.locate(seq);
    const tsLen = c.tsLens[i] as number;
    if (!tsLen) return '';
    const start = c.starts[i] as number;
    return c.text.slice(start, start + tsLen - 1);
  }

  stream(seq: number): LogStreamCode {
    const [c, i] = this.locate(seq);
    return c.streams[i] as LogStreamCode;
  }

  /** The newest line's timestamp, to resume a stream right after it. */
  lastTs(): string {
    return this.next > this.first ? this.ts(this.next - 1) : '';
  }
}
