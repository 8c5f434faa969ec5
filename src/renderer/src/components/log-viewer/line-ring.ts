import type { LogStreamCode } from '@shared/contract';
import type { DecodedLine } from './log-decoder';
import { stripAnsi } from './sgr';

/** Lines the viewer keeps by default; older ones are dropped (and counted). */
export const DEFAULT_MAX_LINES = 200_000;

/**
 * A bounded buffer of log lines with stable sequence numbers: line `seq` stays line `seq` while
 * newer lines push older ones out. Columns live in parallel arrays (no object per line), and the
 * ANSI-free text shares the raw string when there is no escape in the line.
 */
export class LineRing {
  private readonly texts: string[];
  private readonly plains: string[];
  private readonly stamps: string[];
  private readonly streams: Uint8Array;
  private head = 0;
  private count = 0;
  /** Sequence number of the next line pushed; `total - size` lines were dropped. */
  private next = 0;

  constructor(readonly capacity: number = DEFAULT_MAX_LINES) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error('capacity must be a positive integer');
    this.texts = new Array<string>(capacity);
    this.plains = new Array<string>(capacity);
    this.stamps = new Array<string>(capacity);
    this.streams = new Uint8Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Every line ever pushed. */
  get total(): number {
    return this.next;
  }

  get dropped(): number {
    return this.next - this.count;
  }

  /** Sequence number of the oldest line kept. */
  get firstSeq(): number {
    return this.next - this.count;
  }

  push(line: DecodedLine): void {
    const slot = (this.head + this.count) % this.capacity;
    this.texts[slot] = line.text;
    this.plains[slot] = stripAnsi(line.text);
    this.stamps[slot] = line.ts;
    this.streams[slot] = line.stream;
    if (this.count < this.capacity) this.count++;
    else this.head = (this.head + 1) % this.capacity;
    this.next++;
  }

  pushAll(lines: readonly DecodedLine[]): void {
    for (const l of lines) this.push(l);
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
    this.next = 0;
    this.texts.fill('');
    this.plains.fill('');
    this.stamps.fill('');
  }

  has(seq: number): boolean {
    return seq >= this.firstSeq && seq < this.next;
  }

  private slot(seq: number): number {
    if (!this.has(seq)) throw new RangeError(`line ${seq} is not in the buffer`);
    return (this.head + (seq - this.firstSeq)) % this.capacity;
  }

  text(seq: number): string {
    return this.texts[this.slot(seq)] as string;
  }

  plain(seq: number): string {
    return this.plains[this.slot(seq)] as string;
  }

  ts(seq: number): string {
    return this.stamps[this.slot(seq)] as string;
  }

  stream(seq: number): LogStreamCode {
    return this.streams[this.slot(seq)] as LogStreamCode;
  }

  /** The newest line's timestamp, to resume a stream right after it. */
  lastTs(): string {
    return this.count ? this.ts(this.next - 1) : '';
  }
}
