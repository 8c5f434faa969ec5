/**
 * Conversions between the engine's RFC 3339 nano timestamps and the Unix-seconds strings its
 * `since`/`until` take ("sec.nnnnnnnnn"). Strings all the way: nanoseconds don't fit a double.
 */

const RFC3339 = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/;

/** "2024-01-02T03:04:05.123456789Z" → "1704164645.123456789"; undefined when not a timestamp. */
export function tsToUnix(ts: string): string | undefined {
  const m = RFC3339.exec(ts);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}${m[3]}`);
  if (!Number.isFinite(ms)) return undefined;
  const frac = (m[2] ?? '').padEnd(9, '0');
  return `${Math.floor(ms / 1000)}.${frac}`;
}

/** The first instant after `ts`: since is inclusive, so resuming at ts + 1 ns skips the line we have. */
export function unixAfter(unix: string): string {
  const [sec = '0', frac = ''] = unix.split('.');
  const nanos = Number(frac.padEnd(9, '0')) + 1;
  if (nanos >= 1e9) return `${Number(sec) + 1}.000000000`;
  return `${sec}.${String(nanos).padStart(9, '0')}`;
}

/** A `<input type="datetime-local">` value (local time) → Unix seconds; undefined when empty or invalid. */
export function localInputToUnix(value: string): string | undefined {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  return String(Math.floor(ms / 1000));
}

/** How a timestamp is shown in front of a line: local date and time with milliseconds. */
export function displayTs(ts: string): string {
  const m = RFC3339.exec(ts);
  if (!m) return ts;
  const d = new Date(`${m[1]}.${(m[2] ?? '0').slice(0, 3).padEnd(3, '0')}${m[3]}`);
  if (!Number.isFinite(d.getTime())) return ts;
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}
