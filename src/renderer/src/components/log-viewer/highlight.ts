import type { SgrStyle, StyledRun } from './sgr';

export interface Segment {
  text: string;
  style: SgrStyle | undefined;
  match: boolean;
}

/**
 * Cuts a line's plain text where its colours change and where search matches begin or end, so
 * each piece can be one span: colour from the ANSI runs, a mark from the matches.
 */
export function segments(
  plain: string,
  runs: readonly StyledRun[],
  matches: ReadonlyArray<readonly [number, number]>,
): Segment[] {
  if (runs.length === 0 && matches.length === 0) return [{ text: plain, style: undefined, match: false }];
  const cuts = new Set<number>([0, plain.length]);
  for (const r of runs) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  for (const [s, e] of matches) {
    cuts.add(Math.max(0, Math.min(plain.length, s)));
    cuts.add(Math.max(0, Math.min(plain.length, e)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  let ri = 0;
  let mi = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    if (end <= start) continue;
    while (ri < runs.length && (runs[ri] as StyledRun).end <= start) ri++;
    while (mi < matches.length && (matches[mi] as readonly [number, number])[1] <= start) mi++;
    const run = runs[ri];
    const m = matches[mi];
    out.push({
      text: plain.slice(start, end),
      style: run && run.start <= start ? run.style : undefined,
      match: !!m && m[0] <= start,
    });
  }
  return out;
}
