import { LOG_STDOUT, type LogStreamCode } from '@shared/contract';

/** One complete line as the viewer stores it. */
export interface DecodedLine {
  stream: LogStreamCode;
  /** The line without its newline; may contain ANSI escapes. */
  text: string;
  /** RFC 3339 nano timestamp the engine put in front (empty when timestamps were not asked for). */
  ts: string;
}

/** A line with no newline after this many characters is cut, so one runaway line can't grow unbounded. */
export const MAX_LINE_CHARS = 256 * 1024;

const TS_PREFIX = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d) /;

/**
 * Turns batches of tagged text into lines. Each stream has its own partial line, because a line
 * can be split between batches, and stdout and stderr interleave at frame, not line, boundaries.
 * (UTF-8 was decoded in main, with one streaming decoder per stream.)
 */
export class LogDecoder {
  /** The unterminated line of each stream. */
  private readonly partials = new Map<number, string>();

  constructor(private readonly timestamps: boolean) {}

  /** Lines completed by one batch: `runs` is [stream, length, ...] over `text`. */
  push(text: string, runs: readonly number[]): DecodedLine[] {
    const out: DecodedLine[] = [];
    let offset = 0;
    for (let i = 0; i + 1 < runs.length; i += 2) {
      const stream = (runs[i] ?? LOG_STDOUT) as LogStreamCode;
      const length = runs[i + 1] ?? 0;
      this.split(stream, runs.length === 2 ? text : text.slice(offset, offset + length), out);
      offset += length;
    }
    return out;
  }

  /** The unterminated last line of every stream (the log ended without a newline). */
  flush(): DecodedLine[] {
    const out: DecodedLine[] = [];
    for (const [stream, rest] of this.partials) {
      if (rest) out.push(this.line(stream as LogStreamCode, rest));
    }
    this.partials.clear();
    return out;
  }

  private split(stream: LogStreamCode, text: string, out: DecodedLine[]): void {
    let partial = this.partials.get(stream) ?? '';
    let nl = text.indexOf('\n');
    if (nl === -1) {
      partial += text;
    } else {
      // The first newline completes the carried partial line.
      out.push(this.line(stream, partial + text.slice(0, nl)));
      let start = nl + 1;
      while ((nl = text.indexOf('\n', start)) !== -1) {
        out.push(this.line(stream, text.slice(start, nl)));
        start = nl + 1;
      }
      partial = text.slice(start);
    }
    while (partial.length > MAX_LINE_CHARS) {
      out.push(this.line(stream, partial.slice(0, MAX_LINE_CHARS)));
      partial = partial.slice(MAX_LINE_CHARS);
    }
    this.partials.set(stream, partial);
  }

  private line(stream: LogStreamCode, raw: string): DecodedLine {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!this.timestamps) return { stream, text, ts: '' };
    const m = TS_PREFIX.exec(text);
    if (!m) return { stream, text, ts: '' };
    return { stream, text: text.slice(m[0].length), ts: m[0].slice(0, -1) };
  }
}
