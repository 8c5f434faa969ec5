import { PlainTable } from '../../components/ui/PlainTable';
import type { SwarmNode } from '@shared/contract';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { useServiceWatch } from '../../hooks/useServiceWatch';
import { stateTone } from '../../lib/swarm-poll';
import { nodeLabel } from './NodeMap';

/** Live per-task progress of a service while it changes (update, rollback, scale). */
export function UpdateProgress({
  hostId,
  serviceId,
  nodes,
}: {
  hostId: string;
  serviceId: string;
  nodes: SwarmNode[];
}) {
  const { last, log, error } = useServiceWatch(hostId, serviceId);

  if (error) return <ErrorBanner error={error} title="Lost track of the service" />;
  if (!last) return <p className="hint">Watching the service…</p>;
  const status = last.service.updateStatus;
  const current = last.tasks
    .filter((t) => t.desiredState === 'running' || t.state !== 'shutdown')
    .slice(0, 60);
  const nodeName = (id?: string) => {
    const n = nodes.find((x) => x.id === id);
    return n ? nodeLabel(n, nodes) : (id?.slice(0, 8) ?? '—');
  };
  return (
    <div className="swarm-progress" aria-label="Update progress">
      <p className="swarm-progress-status" role="status">
        <strong>{status ? status.state.replace(/_/g, ' ') : 'no update running'}</strong>
        {status?.message ? ` — ${status.message}` : ''} · {last.service.running}/{last.service.desired}{' '}
        running
        {last.settled ? ' · settled' : ''}
      </p>
      <PlainTable
        className="plain-table swarm-table swarm-table-compact"
        columns={['Task', 'Node', 'Image', 'State', 'Desired']}
      >
        {current.map((t) => (
          <tr key={t.id}>
            <td className="mono-soft">
              {t.serviceName}.{t.slot ?? t.id.slice(0, 6)}
            </td>
            <td>{nodeName(t.nodeId)}</td>
            <td className="mono-soft">{t.image}</td>
            <td>
              <span className={`swarm-pill tone-${stateTone(t.state)}`}>{t.state}</span>
              {t.error && <span className="swarm-err"> {t.error}</span>}
            </td>
            <td className="muted">{t.desiredState}</td>
          </tr>
        ))}
      </PlainTable>
      {log.length > 0 && (
        <pre className="swarm-progress-log" aria-label="Task changes">
          {log.join('\n')}
        </pre>
      )}
    </div>
  );
}
