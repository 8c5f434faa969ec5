import { formatBytes } from '../../../lib/format';
import { useMiniStats } from '../../../hooks/useMiniStats';

function cpuText(v: number): string {
  return `${v < 10 ? v.toFixed(1) : Math.round(v)}%`;
}

/**
 * CPU and memory of one running container, small enough for a list row: a bar and the figures.
 * Mount it only for running containers (a stopped one has no readings).
 */
export function MiniStats({ hostId, containerId }: { hostId: string; containerId: string }) {
  const s = useMiniStats(hostId, containerId);
  if (!s) {
    return (
      <span className="mini-stats is-empty" aria-label="CPU and memory: waiting for a reading">
        —
      </span>
    );
  }
  // The bar is relative to one CPU (a container can use several: it is capped, the text is not).
  const width = Math.min(100, s.cpuPercent);
  const label = `CPU ${cpuText(s.cpuPercent)}, memory ${formatBytes(s.memUsage)}`;
  return (
    <span className="mini-stats" aria-label={label} title={`${label} of ${formatBytes(s.memLimit)}`}>
      <span className="mini-stats-bar" aria-hidden="true">
        <span style={{ width: `${width}%` }} />
      </span>
      <span className="mini-stats-cpu">{cpuText(s.cpuPercent)}</span>
      <span className="mini-stats-mem">{formatBytes(s.memUsage)}</span>
    </span>
  );
}
