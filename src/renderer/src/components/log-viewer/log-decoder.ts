import { LOG_STDOUT, type LogStreamCode } from '@shared/contract';

/** One complete line (for tests and simple consumers; the viewer keeps batches, see LineBatch). */
export interface DecodedLine {
  stream: LogStreamCode;
  /** The line without its newline; may contain ANSI escapes. */
  text: string;
  /** RFC 3339 nano timestamp the engine put in front (empty when timestamps were not asked for). */
  ts: string;
}

/**
 * The lines completed by one batch, packed: the batch's own text (plus the few lines that had to
 * be assembled from pieces) and typed arrays saying where each line starts and ends in it, its
 * stream, and how long its timestamp prefix is. No string is made per line until someone looks
 * at the line, so a buffer of 200,000 lines is a few hundred objects for the garbage collector.
 */
export interface LineBatch {
  text: string;
  /** Line i is text[starts[i], ends[i]), timestamp included, without newline or CR. */
  starts: Int32Array;
  ends: Int32Array;
  streams: Uint8Array;
  /** Characters of line i that are "timestamp + space" (0 when none). */
  tsLens: Uint8Array;
  count: number;
}

/** A line with no newline after this many characters is cut, so one runaway line can't grow unbounded. */
export const MAX_LINE_CHARS = 256 * 1024;

const DASH = 45;
const T = 84;
const CR = 13;

/**
 * Length of the engine's "2024-01-02T03:04:05.123456789Z " prefix at `start`, or 0. Checked by
 * character positions (no regex, no slice): this runs for every line of a million-line log.
 */
function timestampLength(text: string, start: number, end: number): number {
  if (end - start < 21) return 0;
  if (text.charCodeAt(start + 4) !== DASH || text.charCodeAt(start + 7) !== DASH) return 0;
  if (text.charCodeAt(start + 10) !== T || text.charCodeAt(start + 13) !== 58) return 0;
  const space = text.indexOf(' ', start + 19);
  if (space === -1 || space >= end || space - start > 36) return 0;
  return space - start + 1;
}

/** Collects the lines of one batch as ranges of its text. */
class BatchBuilder {
  private extra: string[] = [];
  private extraLength = 0;
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly streams: number[] = [];
  private readonly tsLens: number[] = [];

  constructor(
    private readonly base: string,
    private readonly timestamps: boolean,
  ) {}

  /** A line that is base[start, end). */
  range(stream: LogStreamCode, start: number, end: number): void {
    this.push(this.base, stream, start, end, start, end);
  }

  /** A line assembled from pieces: stored after the base text. */
  string(stream: LogStreamCode, line: string): void {
    const at = this.base.length + this.extraLength;
    this.extra.push(line);
    this.extraLength += line.length;
    this.push(line, stream, 0, line.length, at, at + line.length);
  }

  private push(src: string, stream: LogStreamCode, s: number, e: number, at: number, atEnd: number): void {
    let end = atEnd;
    if (e > s && src.charCodeAt(e - 1) === CR) end--;
    this.starts.push(at);
    this.ends.push(end);
    this.streams.push(stream);
    this.tsLens.push(this.timestamps ? timestampLength(src, s, e - (atEnd - end)) : 0);
  }

  build(): LineBatch | undefined {
    const count = this.streams.length;
    if (count === 0) return undefined;
    return {
      text: this.extra.length ? this.base + this.extra.join('') : this.base,
      starts: Int32Array.from(this.starts),
      ends: Int32Array.from(this.ends),
      streams: Uint8Array.from(this.streams),
      tsLens: Uint8Array.from(this.tsLens),
      count,
    };
  }
}

/**
 * Turns batches of tagged text into lines. Each stream has its own partial line, because a line
 * can be split between batches, and stdout and stderr interleave at frame, not line, boundaries.
 * (UTF-8 was decoded in main, with one streaming decoder per stream.)
 */
export class LogDecoder {
  /** The unterminated line of each stream. */
  private readonly partials = new Map<number, string>();

  constructor(private readonly timestamps: boolean) {}

  /** Lines completed by one batch (`runs` is [stream, length, ...] over `text`), or undefined. */
  pushBatch(text: string, runs: readonly number[]): LineBatch | undefined {
    const out = new BatchBuilder(text, this.timestamps);
    let offset = 0;
    for (let i = 0; i + 1 < runs.length; i += 2) {
      const stream = (runs[i] ?? LOG_STDOUT) as LogStreamCode;
      const length = runs[i + 1] ?? 0;
      this.split(stream, text, offset, Math.min(text.length, offset + length), out);
      offset += length;
    }
    return out.build();
  }

  /** The unterminated last line of every stream (the log ended without a newline). */
  flushBatch(): LineBatch | undefined {
    const out = new BatchBuilder('', this.timestamps);
    for (const [stream, rest] of this.partials) if (rest) out.string(stream as LogStreamCode, rest);
    this.partials.clear();
    return out.build();
  }

  /** Same as pushBatch, one object per line. */
  push(text: string, runs: readonly number[]): DecodedLine[] {
    return batchLines(this.pushBatch(text, runs));
  }

  flush(): DecodedLine[] {
    return batchLines(this.flushBatch());
  }

  /** Splits text[from, to) of one stream into lines, carrying the unterminated rest. */
  private split(stream: LogStreamCode, text: string, from: number, to: number, out: BatchBuilder): void {
    let partial = this.partials.get(stream) ?? '';
    let nl = text.indexOf('\n', from);
    if (nl === -1 || nl >= to) {
      partial += text.slice(from, to);
    } else {
      // The first newline completes the carried partial line.
      if (partial) out.string(stream, partial + text.slice(from, nl));
      else out.range(stream, from, nl);
      let start = nl + 1;
      while ((nl = text.indexOf('\n', start)) !== -1 && nl < to) {
        out.range(stream, start, nl);
        start = nl + 1;
      }
      partial = start < to ? text.slice(start, to) : '';
    }
    while (partial.length > MAX_LINE_CHARS) {
      out.string(stream, partial.slice(0, MAX_LINE_CHARS));
      partial = partial.slice(MAX_LINE_CHARS);
    }
    this.partials.set(stream, partial);
  }
}

/** Unpacks a batch into line objects. */
export function batchLines(batch: LineBatch | undefined): DecodedLine[] {
  if (!batch) return [];
  const out: DecodedLine[] = [];
  for (let i = 0; i < batch.count; i++) {
    const start = batch.starts[i] as number;
    const tsLen = batch.tsLens[i] as number;
    out.push({
      stream: batch.streams[i] as LogStreamCode,
      text: batch.text.slice(start + tsLen, batch.ends[i]),
      ts: tsLen ? batch.text.slice(start, start + tsLen - 1) : '',
    });
  }
  return out;
}
