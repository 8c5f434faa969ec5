import type { LogStreamCode } from '@shared/contract';
import { tsToUnix } from '../logs/log-position';

export interface SplitLine {
  ts: string;
  stream: LogStreamCode;
  text: string;
}

/**
 * Turns one container's `data` events (text with [stream, length] runs, timestamps on) into whole
 * lines: a line cut between batches is kept until its end arrives, per stream.
 */
export class LineSplitter {
  private readonly partial = new Map<number, string>();
  /** The last timestamp seen: a line without one (a TTY's bare \r) sorts with its predecessor. */
  private lastTs = '0.000000000';

  push(text: string, runs: readonly number[], out: SplitLine[]): void {
    let offset = 0;
    for (let i = 0; i + 1 < runs.length; i += 2) {
      const stream = runs[i] as LogStreamCode;
      const len = runs[i + 1] ?? 0;
      const chunk = (this.partial.get(stream) ?? '') + text.slice(offset, offset + len);
      offset += len;
      const lines = chunk.split('\n');
      this.partial.set(stream, lines.pop() ?? '');
      for (const line of lines) out.push(this.parse(stream, line));
    }
  }

  /** The stream ended: an unfinished last line comes out as it is. */
  flush(out: SplitLine[]): void {
    for (const [stream, rest] of this.partial) if (rest) out.push(this.parse(stream as LogStreamCode, rest));
    this.partial.clear();
  }

  private parse(stream: LogStreamCode, raw: string): SplitLine {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const space = line.indexOf(' ');
    const ts = space > 0 ? tsToUnix(line.slice(0, space)) : undefined;
    if (!ts) return { ts: this.lastTs, stream, text: line };
    this.lastTs = ts;
    return { ts, stream, text: line.slice(space + 1) };
  }
}
