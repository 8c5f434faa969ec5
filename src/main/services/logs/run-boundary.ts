import { tsToUnix, unixAfter } from './log-position';

/** One `data` event's text and its [stream, length, ...] runs. */
export interface LogData {
  text: string;
  runs: number[];
}

/** "sec.nnnnnnnnn" strings compared as numbers (seconds first, then nanoseconds). */
function atOrAfter(a: string, b: string): boolean {
  const [as = '0', af = ''] = a.split('.');
  const [bs = '0', bf = ''] = b.split('.');
  if (as.length !== bs.length) return as.length > bs.length;
  return as === bs ? af >= bf : as > bs;
}

function lineTs(text: string, start: number): string | undefined {
  const space = text.indexOf(' ', start);
  if (space === -1 || space - start > 40) return undefined;
  return tsToUnix(text.slice(start, space));
}

/**
 * Finds where a new run of a container begins in timestamped log data: the first line stamped at
 * or after the run's start (its State.StartedAt), so the "container restarted" separator goes
 * there and not where the data happened to arrive. Lines of the old run that arrive after the
 * restart (an engine re-reading them when it comes back) stay above it.
 */
export class RunBoundary {
  /** Per stream: does the next byte begin a line? */
  private readonly atLineStart = new Map<number, boolean>();

  /**
   * `startedAt`: the new run's start; `finishedAt`: the previous run's end (both RFC 3339). A
   * process can print before the engine records its start, so when the previous run's end is
   * known the new run begins with the first line after it.
   */
  constructor(startedAt: string, finishedAt?: string) {
    const start = tsToUnix(startedAt);
    const end = finishedAt ? tsToUnix(finishedAt) : undefined;
    // FinishedAt is the zero time before a first stop, and later than StartedAt once this run ended.
    const endUsable = end !== undefined && !end.startsWith('-') && Number(end.split('.')[0]) > 0;
    this.start = start && endUsable && !atOrAfter(end, start) ? unixAfter(end) : start;
  }

  private readonly start: string | undefined;

  /**
   * Splits one data event at the run's first line: [before, after]; after is undefined while
   * every line is older (the separator waits), before is undefined when the run starts at once.
   */
  split(data: LogData): [LogData | undefined, LogData | undefined] {
    if (this.start === undefined) return [undefined, data];
    const { text, runs } = data;
    let offset = 0;
    for (let i = 0; i + 1 < runs.length; i += 2) {
      const stream = runs[i] as number;
      const end = offset + (runs[i + 1] as number);
      let at = this.atLineStart.get(stream) !== false ? offset : -1;
      if (at === -1) {
        const nl = text.indexOf('\n', offset);
        at = nl !== -1 && nl < end - 1 ? nl + 1 : -1;
      }
      while (at !== -1 && at < end) {
        const ts = lineTs(text, at);
        if (ts && atOrAfter(ts, this.start)) return cut(data, i, at);
        const nl = text.indexOf('\n', at);
        at = nl !== -1 && nl < end - 1 ? nl + 1 : -1;
      }
      this.atLineStart.set(stream, end > offset && text.charCodeAt(end - 1) === 10);
      offset = end;
    }
    return [data, undefined];
  }
}

/** data split at text position `at`, which lies in the run starting at runs[i]. */
function cut(data: LogData, i: number, at: number): [LogData | undefined, LogData] {
  let offset = 0;
  for (let j = 0; j < i; j += 2) offset += data.runs[j + 1] as number;
  const runLength = data.runs[i + 1] as number;
  const beforeRuns = data.runs.slice(0, i);
  if (at > offset) beforeRuns.push(data.runs[i] as number, at - offset);
  const afterRuns = [data.runs[i] as number, offset + runLength - at, ...data.runs.slice(i + 2)];
  const after = { text: data.text.slice(at), runs: afterRuns };
  return at === 0 ? [undefined, after] : [{ text: data.text.slice(0, at), runs: beforeRuns }, after];
}
