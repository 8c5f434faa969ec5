/** Pure geometry for the small line charts: data in, SVG path data out. */

export type Point = readonly [x: number, y: number];

export interface Frame {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  width: number;
  height: number;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** Maps points to "M x y L x y ..." in a width × height box (y grows downwards); off-range x is clamped. */
export function linePath(points: readonly Point[], f: Frame): string {
  if (points.length === 0) return '';
  const sx = f.x1 > f.x0 ? f.width / (f.x1 - f.x0) : 0;
  const sy = f.y1 > f.y0 ? f.height / (f.y1 - f.y0) : 0;
  let d = '';
  for (let i = 0; i < points.length; i++) {
    const [x, y] = points[i] as Point;
    const px = Math.min(f.width, Math.max(0, (x - f.x0) * sx));
    const py = Math.min(f.height, Math.max(0, f.height - (y - f.y0) * sy));
    d += `${i === 0 ? 'M' : 'L'}${fmt(px)} ${fmt(py)}`;
  }
  return d;
}

/** The line closed down to the x axis, for a soft fill under it. */
export function areaPath(points: readonly Point[], f: Frame): string {
  const line = linePath(points, f);
  if (!line) return '';
  const first = points[0] as Point;
  const last = points[points.length - 1] as Point;
  const sx = f.x1 > f.x0 ? f.width / (f.x1 - f.x0) : 0;
  const x = (v: number) => fmt(Math.min(f.width, Math.max(0, (v - f.x0) * sx)));
  return `${line}L${x(last[0])} ${fmt(f.height)}L${x(first[0])} ${fmt(f.height)}Z`;
}

/**
 * A "nice" upper bound for the y axis: at least `floor`, rounded up to 1, 2 or 5 × 10^n, so the
 * scale does not jitter with every sample. With `binary`, the steps are taken in the largest
 * power-of-1024 unit below the value (KiB, MiB...), so byte scales read "2 MiB", not "1.9 MiB".
 */
export function niceMax(values: Iterable<number>, floor: number, binary = false): number {
  let max = floor;
  for (const v of values) if (Number.isFinite(v) && v > max) max = v;
  if (max <= 0) return 1;
  let unit = 1;
  if (binary) while (max / unit >= 1024) unit *= 1024;
  const scaled = max / unit;
  const exp = Math.pow(10, Math.floor(Math.log10(scaled)));
  for (const m of [1, 2, 5, 10]) if (m * exp >= scaled) return m * exp * unit;
  return 10 * exp * unit;
}
