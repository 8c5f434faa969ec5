import type { HostStatus, HostView } from '@shared/contract';
import { KindIcon } from '../../components/KindIcon';
import { PolicyBadge } from '../../components/PolicyBadge';
import { StatusDot, statusText } from '../../components/ui/StatusDot';
import { TransportBadge } from '../../components/TransportBadge';
import { describeEndpoint, KIND_LONG_LABELS } from '../../lib/endpoint';
import { formatBytes } from '../../lib/format';
import { reconnectHost } from '../../stores/host-actions';
import { useUiStore } from '../../stores/ui';

export interface HostHeaderProps {
  host: HostView;
  status: HostStatus | undefined;
}

/** Name, status and engine facts of the selected host. */
export function HostHeader({ host, status }: HostHeaderProps) {
  const openHostForm = useUiStore((s) => s.openHostForm);
  const engine = status?.engine;
  const kind = host.endpoint.kind;
  const state = status?.state ?? 'connecting';

  return (
    <header className="host-header">
      <div className="host-title-row">
        <span className="swatch swatch-large" style={{ background: host.color }} aria-hidden="true" />
        <h1 className="host-title">{host.name}</h1>
        <PolicyBadge host={host} />
        <span className={`host-state host-state-${state}`}>
          <StatusDot status={status} focusable />
          <span>{statusText(status)}</span>
        </span>
        <span className="header-spacer" />
        <button type="button" className="button" onClick={() => void reconnectHost(host)}>
          Reconnect
        </button>
        <button
          type="button"
          className="button"
          onClick={() => openHostForm({ mode: 'edit', hostId: host.id })}
        >
          Edit host
        </button>
      </div>
      <dl className="host-facts">
        <div className="fact">
          <dt>Endpoint</dt>
          <dd>
            <span className="fact-kind">
              <KindIcon kind={kind} /> {KIND_LONG_LABELS[kind]}
            </span>{' '}
            <span className="mono">{describeEndpoint(host.endpoint)}</span>
            <TransportBadge endpoint={host.endpoint} />
          </dd>
        </div>
        {engine && (
          <>
            <div className="fact">
              <dt>Engine</dt>
              <dd>
                Docker {engine.engineVersion} <span className="muted">(API {engine.apiVersion})</span>
              </dd>
            </div>
            <div className="fact">
              <dt>OS / arch</dt>
              <dd title={engine.kernelVersion ? `Kernel ${engine.kernelVersion}` : undefined}>
                {engine.os || engine.osType} · {engine.arch}
              </dd>
            </div>
            <div className="fact">
              <dt>Resources</dt>
              <dd>
                {engine.cpus} {engine.cpus === 1 ? 'CPU' : 'CPUs'} · {formatBytes(engine.memTotal)} memory
              </dd>
            </div>
          </>
        )}
      </dl>
    </header>
  );
}
