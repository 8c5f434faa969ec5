import { areaPath, linePath, niceMax, type Point } from './chart-path';

const W = 240;
const H = 44;

/** A bare line over a soft fill: one series, no axes (the caller prints the current value). */
export function Sparkline({
  points,
  from,
  to,
  floor,
  binary,
  color,
}: {
  points: readonly Point[];
  from: number;
  to: number;
  /** The y scale reaches at least this. */
  floor: number;
  binary?: boolean;
  color: string;
}) {
  const max = niceMax(
    points.map((p) => p[1]),
    floor,
    binary,
  );
  const frame = { x0: from, x1: to, y0: 0, y1: max, width: W, height: H };
  return (
    <svg className="sparkline" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" aria-hidden="true">
      <path d={areaPath(points, frame)} fill={color} opacity={0.14} />
      {points.length === 1 && (
        // One sample is no line yet: a level mark at its value across the last step.
        <path
          d={linePath(
            [
              [to - (to - from) / 60, points[0]?.[1] ?? 0],
              [to, points[0]?.[1] ?? 0],
            ],
            frame,
          )}
          fill="none"
          stroke={color}
          strokeWidth={3}
          vectorEffect="non-scaling-stroke"
        />
      )}
      <path
        d={linePath(points, frame)}
        fill="none"
        stroke={color}
        strokeWidth={1.5}
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}
