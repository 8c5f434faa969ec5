import { ErrorBanner } from '../../../components/ui/ErrorBanner';
import { useQuery } from '../../../hooks/useQuery';
import { useDetailsStore } from '../../../stores/details';
import type { DetailTabProps } from './DetailTabList';
import { plural } from '../../../lib/plural';

/** The container's processes as the engine's `top` sees them, refreshable. */
export function ProcessesTab({ host, target }: DetailTabProps) {
  const running = useDetailsStore((s) => s.view?.state.running);
  // Asked only while the container runs; Refresh asks again.
  const query = useQuery(
    'containers.top',
    running ? { hostId: host.id, id: target.containerId } : undefined,
    { keep: true },
  );
  const { result: top, error, loading, at } = query;
  const refresh = query.reload;

  if (running === false) {
    return <p className="muted details-placeholder">The container is not running: it has no processes.</p>;
  }
  return (
    <div className="processes-tab">
      <div className="inspect-tools">
        <span className="toolbar-count" aria-live="polite">
          {top ? plural(top.processes.length, 'process', 'processes') : ''}
          {at ? ` · as of ${new Date(at).toLocaleTimeString()}` : ''}
        </span>
        <span className="header-spacer" />
        <button
          type="button"
          className="button button-small"
          onClick={() => void refresh()}
          disabled={loading}
          aria-busy={loading || undefined}
        >
          {loading && <span className="spinner" aria-hidden="true" />}
          Refresh
        </button>
      </div>
      {error && <ErrorBanner error={error} title="Couldn't list processes" />}
      {top && (
        <div className="ct-table-scroll">
          <table className="ov-table processes-table" aria-label="Processes">
            <thead>
              <tr>
                {top.titles.map((t) => (
                  <th key={t}>{t}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {top.processes.map((p, i) => (
                <tr key={i}>
                  {p.map((cell, j) => (
                    <td
                      key={j}
                      className={top.titles[j] === 'CMD' || top.titles[j] === 'COMMAND' ? 'mono' : ''}
                    >
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
