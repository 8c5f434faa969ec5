import { useId } from 'react';
import { areaPath, linePath, niceMax, type Point } from './chart-path';

export interface ChartSeries {
  label: string;
  /** CSS colour (a variable is fine). */
  color: string;
  points: readonly Point[];
}

export interface LineChartProps {
  /** What the chart shows, for screen readers ("CPU usage over the last 5 minutes"). */
  label: string;
  series: readonly ChartSeries[];
  /** The x range: [now - window, now] in epoch ms. */
  from: number;
  to: number;
  /** The y axis starts at 0 and reaches at least this. */
  minMax: number;
  formatY(v: number): string;
  /** Values are bytes: the scale steps in KiB/MiB/GiB. */
  binary?: boolean;
  /** Under the x axis, left and right ("−5 min", "now"). */
  xLabels?: readonly [string, string];
  height?: number;
}

const WIDTH = 600;

/**
 * A small SVG line chart with no library: gridlines, the scale's top value, one path per series
 * (the first one with a soft area fill). The drawing stretches to the card's width; strokes stay
 * crisp with non-scaling-stroke, and labels are HTML so they never stretch.
 */
export function LineChart({
  label,
  series,
  from,
  to,
  minMax,
  formatY,
  binary = false,
  xLabels,
  height = 120,
}: LineChartProps) {
  const gradient = useId();
  const max = niceMax(
    series.flatMap((s) => s.points.map((p) => p[1])),
    minMax,
    binary,
  );
  const frame = { x0: from, x1: to, y0: 0, y1: max, width: WIDTH, height };
  const first = series[0];
  return (
    <div className="chart">
      <div className="chart-scale" aria-hidden="true">
        <span>{formatY(max)}</span>
        <span>{formatY(max / 2)}</span>
        <span>0</span>
      </div>
      <svg
        className="chart-svg"
        role="img"
        aria-label={label}
        viewBox={`0 0 ${WIDTH} ${height}`}
        preserveAspectRatio="none"
        style={{ height }}
      >
        <defs>
          <linearGradient id={gradient} x1="0" x2="0" y1="0" y2="1">
            <stop offset="0%" stopColor={first?.color ?? 'currentColor'} stopOpacity="0.22" />
            <stop offset="100%" stopColor={first?.color ?? 'currentColor'} stopOpacity="0.02" />
          </linearGradient>
        </defs>
        {[0, 0.5, 1].map((f) => (
          <line
            key={f}
            className="chart-grid"
            x1={0}
            x2={WIDTH}
            y1={f * height}
            y2={f * height}
            vectorEffect="non-scaling-stroke"
          />
        ))}
        {first && first.points.length > 1 && (
          <path d={areaPath(first.points, frame)} fill={`url(#${gradient})`} />
        )}
        {series.map((s) =>
          s.points.length > 0 ? (
            <path
              key={s.label}
              className="chart-line"
              d={linePath(s.points, frame)}
              stroke={s.color}
              vectorEffect="non-scaling-stroke"
            />
          ) : null,
        )}
      </svg>
      {xLabels && (
        <div className="chart-x" aria-hidden="true">
          <span>{xLabels[0]}</span>
          <span>{xLabels[1]}</span>
        </div>
      )}
      {series.length > 1 && (
        <div className="chart-legend">
          {series.map((s) => (
            <span key={s.label} className="chart-legend-item">
              <span className="chart-swatch" style={{ background: s.color }} aria-hidden="true" />
              {s.label}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
