import type { EngineInfo, HostStatus, HostView } from '@shared/contract';
import { StatusDot } from '../../components/ui/StatusDot';
import { describeEndpoint } from '../../lib/endpoint';
import { formatBytes } from '../../lib/format';
import { HostUpdateCount } from '../../components/fleet/HostUpdateCount';

export interface HostCardProps {
  host: HostView;
  status: HostStatus | undefined;
  info: EngineInfo | undefined;
  /** Bytes the engine holds on disk, and how much a prune could free. */
  disk?: { size: number; reclaimable: number } | undefined;
  refreshError?: string | undefined;
  onOpen(): void;
}

/** One host at a glance: status, engine, resources and container counts. Click to open. */
export function HostCard({ host, status, info, disk, refreshError, onOpen }: HostCardProps) {
  const state = status?.state ?? 'connecting';
  return (
    <button
      type="button"
      className={`card-button host-card state-${state}${host.production ? ' is-production' : ''}`}
      onClick={onOpen}
      aria-label={`Open ${host.name}`}
    >
      <span className="host-card-head">
        <span className="host-swatch" style={{ background: host.color }} aria-hidden="true" />
        <span className="host-card-name">{host.name}</span>
        <HostUpdateCount hostId={host.id} />
        <StatusDot status={status} />
      </span>
      <span className="host-card-address mono">{describeEndpoint(host.endpoint)}</span>
      {host.labels.length > 0 && (
        <span className="host-card-labels">
          {host.labels.map((l) => (
            <span key={l} className="label-chip">
              {l}
            </span>
          ))}
        </span>
      )}
      {state === 'error' ? (
        <span className="host-card-error">{status?.error?.message ?? 'Not connected'}</span>
      ) : info ? (
        <>
          <span className="host-card-engine">
            Docker {info.engineVersion} · API {info.apiVersion}
          </span>
          <span className="host-card-facts">
            {info.os} · {info.arch} · {info.cpus} CPUs · {formatBytes(info.memTotal)}
          </span>
          <span className="host-card-counts">
            {(
              [
                [info.containersRunning, 'running'],
                [info.containersPaused, 'paused'],
                [info.containersStopped, 'stopped'],
                [info.images, 'images'],
              ] as const
            ).map(([n, what]) => (
              <span key={what}>
                <strong>{n}</strong> {what}
              </span>
            ))}
          </span>
          {disk && (
            <span className="host-card-facts">
              {formatBytes(disk.size)} on disk · {formatBytes(disk.reclaimable)} reclaimable
            </span>
          )}
          {refreshError && (
            <span className="host-card-error" role="status">
              {refreshError}
            </span>
          )}
        </>
      ) : (
        <span className="muted">Connecting…</span>
      )}
    </button>
  );
}
