import { useState } from 'react';
import type { HostView, StatsSample } from '@shared/contract';
import { LineChart } from '../../../components/charts/LineChart';
import type { Point } from '../../../components/charts/chart-path';
import { DisconnectedBanner } from '../../../components/DisconnectedBanner';
import { ErrorBanner } from '../../../components/ui/ErrorBanner';
import { formatBytes } from '../../../lib/format';
import type { DetailsTarget } from '../../../stores/details';
import { STATS_WINDOW_MS, useContainerStats } from '../../../hooks/useContainerStats';

export function formatPercent(v: number): string {
  return `${v < 10 ? v.toFixed(2) : v.toFixed(1)} %`;
}

export function formatRate(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

const MIN_SPAN_MS = 30_000;

function spanLabel(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 120 ? `−${s} s` : `−${Math.round(s / 60)} min`;
}

function series(samples: readonly StatsSample[], pick: (s: StatsSample) => number): Point[] {
  return samples.filter((s) => s.running).map((s) => [s.at, pick(s)] as const);
}

type Measure = (s: StatsSample) => number;

interface Chart {
  title: string;
  /** What it shows: its accessible name adds "over the last 5 minutes". */
  what: string;
  lines: ReadonlyArray<readonly [label: string, color: string, pick: Measure]>;
  minMax: number;
  formatY(v: number): string;
  binary: boolean;
}

/** A chart of two byte rates, one in teal and one in orange (received and sent, read and written). */
function ratesChart(
  title: string,
  what: string,
  [a, pickA]: [string, Measure],
  [b, pickB]: [string, Measure],
): Chart {
  const lines = [[a, 'var(--chart-teal)', pickA] as const, [b, 'var(--chart-orange)', pickB] as const];
  return { title, what, lines, minMax: 1024, formatY: formatRate, binary: true };
}

/** The four charts, one row each: heading, what it shows, lines (label, colour, figure), y axis. */
const CHARTS: readonly Chart[] = [
  {
    title: 'CPU',
    what: 'CPU usage',
    lines: [['CPU', 'var(--accent)', (s) => s.cpuPercent]],
    minMax: 5,
    formatY: (v) => `${Math.round(v)} %`,
    binary: false,
  },
  {
    title: 'Memory',
    what: 'Memory usage',
    lines: [['Memory', 'var(--chart-violet)', (s) => s.memUsage]],
    minMax: 1024 * 1024,
    formatY: formatBytes,
    binary: true,
  },
  ratesChart(
    'Network',
    'Network receive and send rates',
    ['Received', (s) => s.netRxRate],
    ['Sent', (s) => s.netTxRate],
  ),
  ratesChart(
    'Block I/O',
    'Block read and write rates',
    ['Read', (s) => s.blkReadRate],
    ['Write', (s) => s.blkWriteRate],
  ),
];

function Figure({ label, value, sub }: { label: string; value: string; sub?: string }) {
  return (
    <div className="stat-figure">
      <div className="stat-figure-label">{label}</div>
      <div className="stat-figure-value">{value}</div>
      {sub && <div className="stat-figure-sub">{sub}</div>}
    </div>
  );
}

/**
 * The Stats tab: current CPU, memory, network, block IO and PIDs, and charts of the last five
 * minutes. Streams only while this tab is shown.
 */
export function StatsTab({ host, target }: { host: HostView; target: DetailsTarget }) {
  const [retry, setRetry] = useState(0);
  const { samples, latest, error, ended, disconnected } = useContainerStats(
    host.id,
    target.containerId,
    retry,
  );
  // The x axis spans the readings so far (at least 30 s), up to the last five minutes.
  const to = latest?.at ?? Date.now();
  const span = Math.min(STATS_WINDOW_MS, Math.max(MIN_SPAN_MS, to - (samples[0]?.at ?? to)));
  const from = to - span;
  const xLabels = [spanLabel(span), 'now'] as const;
  const running = latest?.running ?? true;

  return (
    <div className="stats-view" aria-label={`Stats of ${target.name}`}>
      {disconnected && !ended && <DisconnectedBanner hostId={host.id} error={disconnected} />}
      {error && (
        <ErrorBanner
          error={error}
          title={`Couldn't read the stats of ${target.name}`}
          actions={
            <button type="button" className="button button-small" onClick={() => setRetry((n) => n + 1)}>
              Retry
            </button>
          }
        />
      )}
      <div className="stats-status" role="status">
        {!latest && !error && (
          <>
            <span className="spinner" aria-hidden="true" /> Waiting for the first reading…
          </>
        )}
        {latest && running && !ended && !disconnected && (
          <>
            <span className="stats-live-dot" aria-hidden="true" /> Live · one reading a second · charts keep
            the last 5 minutes
          </>
        )}
        {latest && !running && 'The container is not running: no readings.'}
        {ended && !error && (
          <>
            The stats stream ended.{' '}
            <button type="button" className="button button-small" onClick={() => setRetry((n) => n + 1)}>
              Reconnect
            </button>
          </>
        )}
      </div>
      <div className="stats-figures">
        <Figure
          label="CPU"
          value={latest ? formatPercent(latest.cpuPercent) : '—'}
          sub={latest?.onlineCpus ? `of ${latest.onlineCpus * 100} % (${latest.onlineCpus} CPUs)` : undefined}
        />
        <Figure
          label="Memory"
          value={latest ? formatBytes(latest.memUsage) : '—'}
          sub={latest ? `${formatPercent(latest.memPercent)} of ${formatBytes(latest.memLimit)}` : undefined}
        />
        <Figure
          label="Network"
          value={latest ? `↓ ${formatRate(latest.netRxRate)}  ↑ ${formatRate(latest.netTxRate)}` : '—'}
          sub={latest ? `${formatBytes(latest.netRx)} in · ${formatBytes(latest.netTx)} out` : undefined}
        />
        <Figure
          label="Block I/O"
          value={latest ? `R ${formatRate(latest.blkReadRate)}  W ${formatRate(latest.blkWriteRate)}` : '—'}
          sub={
            latest
              ? `${formatBytes(latest.blkRead)} read · ${formatBytes(latest.blkWrite)} written`
              : undefined
          }
        />
        <Figure label="PIDs" value={latest ? String(latest.pids) : '—'} />
      </div>
      <div className="stats-charts">
        {CHARTS.map((c) => (
          <section key={c.title} className="stats-card" aria-label={`${c.title} chart`}>
            <h3 className="stats-card-title">{c.title}</h3>
            <LineChart
              label={`${c.what} over the last 5 minutes`}
              series={c.lines.map(([label, color, pick]) => ({
                label,
                color,
                points: series(samples, pick),
              }))}
              from={from}
              to={to}
              minMax={c.minMax}
              formatY={c.formatY}
              binary={c.binary}
              xLabels={xLabels}
            />
          </section>
        ))}
      </div>
    </div>
  );
}
