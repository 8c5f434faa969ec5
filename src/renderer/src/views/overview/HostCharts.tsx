import type { HostChart, HostView, TopContainer } from '@shared/contract';
import { HOST_CHART_POINTS, HOST_CHART_STEP_MS } from '@shared/contract';
import { Sparkline } from '../../components/charts/Sparkline';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { useHostCharts } from '../../hooks/useHostCharts';
import { formatBytes } from '../../lib/format';

const HOUR = HOST_CHART_POINTS * HOST_CHART_STEP_MS;

function TopList({
  label,
  items,
  value,
}: {
  label: string;
  items: TopContainer[];
  value(t: TopContainer): string;
}) {
  return (
    <div className="chart-top">
      <span className="chart-top-title">{label}</span>
      {items.length === 0 ? (
        <span className="muted">—</span>
      ) : (
        <ol aria-label={`${label}`}>
          {items.slice(0, 3).map((t) => (
            <li key={t.id}>
              <span className="truncate" title={t.name}>
                {t.name}
              </span>
              <span className="mono-soft">{value(t)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function HostChartCard({
  host,
  chart,
  onOpen,
}: {
  host: HostView;
  chart: HostChart | undefined;
  onOpen(): void;
}) {
  const points = chart?.points ?? [];
  const last = points[points.length - 1];
  const to = last?.at ?? Date.now();
  // Until an hour is collected, the x axis spans what there is (an hour-wide axis would squeeze
  // the first minutes into a pixel); the header says how long that is.
  const first = points[0]?.at ?? to;
  const from = Math.max(to - HOUR, Math.min(first, to - HOST_CHART_STEP_MS));
  const span =
    to - from >= HOUR - HOST_CHART_STEP_MS
      ? 'last hour'
      : `last ${Math.max(1, Math.round((to - from) / 60_000))} min`;
  // The two tiles: CPU and memory, each a sparkline (its floor, units and colour) and its latest value.
  const tiles = [
    {
      label: 'CPU',
      value: last && `${last.cpuPercent.toFixed(1)}%`,
      series: points.map((p) => [p.at, p.cpuPercent] as const),
      scale: { floor: 10, color: 'var(--accent)' },
    },
    {
      label: 'Memory',
      value: last && formatBytes(last.memUsage),
      series: points.map((p) => [p.at, p.memUsage] as const),
      scale: { floor: 1024 * 1024, binary: true, color: 'var(--green)' },
    },
  ];
  return (
    <section className="chart-card" aria-label={`${host.name} last hour`} data-samples={points.length}>
      <header className="chart-card-head">
        <span className="host-swatch" style={{ background: host.color }} aria-hidden="true" />
        <span className="host-card-name">{host.name}</span>
        {chart?.disconnected && <span className="chart-lost">Host lost</span>}
        <span className="header-spacer" />
        <span className="muted">{span}</span>
      </header>
      <div className="chart-pair">
        {tiles.map((c) => (
          <button
            key={c.label}
            type="button"
            className="card-button chart-button"
            onClick={onOpen}
            aria-label={`${c.label} of ${host.name}, open host`}
          >
            <span className="chart-label">
              {c.label} <strong>{c.value ?? '—'}</strong>
            </span>
            <Sparkline points={c.series} from={from} to={to} {...c.scale} />
          </button>
        ))}
      </div>
      <div className="chart-tops">
        <TopList label="Top CPU" items={chart?.topCpu ?? []} value={(t) => `${t.cpuPercent.toFixed(1)}%`} />
        <TopList label="Top memory" items={chart?.topMem ?? []} value={(t) => formatBytes(t.memUsage)} />
      </div>
      {points.length === 0 && !chart?.disconnected && (
        <span className="muted chart-wait">Collecting the first samples…</span>
      )}
    </section>
  );
}

/** Per connected host: CPU and memory sparklines over the last hour and its busiest containers. */
export function HostCharts({ hosts, onOpen }: { hosts: HostView[]; onOpen(hostId: string): void }) {
  const { charts, error } = useHostCharts();
  if (hosts.length === 0) return null;
  return (
    <div className="host-charts" aria-label="Host charts">
      {error && <ErrorBanner error={error} title="The host charts stopped" />}
      {hosts.map((h) => (
        <HostChartCard key={h.id} host={h} chart={charts[h.id]} onOpen={() => onOpen(h.id)} />
      ))}
    </div>
  );
}
