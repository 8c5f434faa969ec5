/**
 * Where a followed log has got to, read from the timestamped text sent to the subscriber, so a
 * stream cut by a host failure or a container restart resumes right after the last whole line.
 * Strings all the way: nanoseconds don't fit a double next to 1.7e9 s.
 */

const RFC3339 = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/;

/** "2024-01-02T03:04:05.123456789Z" → "1704164645.123456789"; undefined when not a timestamp. */
export function tsToUnix(ts: string): string | undefined {
  const m = RFC3339.exec(ts);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}${m[3]}`);
  if (!Number.isFinite(ms)) return undefined;
  return `${Math.floor(ms / 1000)}.${(m[2] ?? '').padEnd(9, '0')}`;
}

/** The first instant after `unix`: `since` is inclusive, so ts + 1 ns skips the boundary line. */
export function unixAfter(unix: string): string {
  const [sec = '0', frac = ''] = unix.split('.');
  const nanos = Number(frac.padEnd(9, '0')) + 1;
  if (nanos >= 1e9) return `${Number(sec) + 1}.000000000`;
  return `${sec}.${String(nanos).padStart(9, '0')}`;
}

/** Epoch ms → the engine's "sec.nnnnnnnnn". */
export function msToUnix(ms: number): string {
  return `${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}000000`;
}

function tsAt(text: string, start: number): string | undefined {
  const space = text.indexOf(' ', start);
  if (space === -1 || space - start > 40) return undefined;
  return tsToUnix(text.slice(start, space));
}

/** Tracks the timestamp of the last complete line seen in a sequence of text batches. */
export class LogPosition {
  private atLineStart = true;
  /** Timestamp of the unfinished line at the end of the previous batch. */
  private partialTs: string | undefined;
  /** Unix time of the last complete line, or undefined when none had a timestamp yet. */
  last: string | undefined;

  push(text: string): void {
    if (!text) return;
    const end = text.lastIndexOf('\n');
    if (end === -1) {
      if (this.atLineStart) this.partialTs = tsAt(text, 0);
      this.atLineStart = false;
      return;
    }
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const ts = start === 0 && !this.atLineStart ? this.partialTs : tsAt(text, start);
    if (ts) this.last = ts;
    this.atLineStart = end === text.length - 1;
    this.partialTs = this.atLineStart ? undefined : tsAt(text, end + 1);
  }
}
