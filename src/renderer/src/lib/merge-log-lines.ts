/** A line with the engine's RFC3339Nano time ("…T21:30:01.12345Z", trailing zeros trimmed). */
interface Timed {
  time: string;
}

/** The time as a string that sorts as the times do: the fraction padded to nine digits. */
export function timeKey(time: string): string {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(.*)$/.exec(time);
  if (!m) return time;
  return `${m[1]}.${(m[2] ?? '').padEnd(9, '0')}${m[3]}`;
}

/**
 * Adds a batch to lines kept in time order. Each container's lines arrive in order, but the
 * containers' streams interleave (and a tail arrives as a block), so a line may belong before
 * lines already kept: it goes where its time says, after lines of the same time.
 */
export function mergeByTime<T extends Timed>(lines: T[], batch: readonly T[]): void {
  for (const line of batch) {
    const key = timeKey(line.time);
    const last = lines[lines.length - 1];
    if (!last || timeKey(last.time) <= key) {
      lines.push(line);
      continue;
    }
    let lo = 0;
    let hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (timeKey(lines[mid]!.time) <= key) lo = mid + 1;
      else hi = mid;
    }
    lines.splice(lo, 0, line);
  }
}
