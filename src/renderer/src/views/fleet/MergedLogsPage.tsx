import type { CSSProperties } from 'react';
import { AppPageHeader } from '../../components/ui/AppPageHeader';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { useMergedLogs } from '../../hooks/useMergedLogs';
import { memberHue } from '../../lib/merged-log';
import { useHostsStore } from '../../stores/hosts';
import { useMergedLogsStore } from '../../stores/merged-logs';
import { MergedLogsPicker } from './MergedLogsPicker';
import { MergedLogView } from './MergedLogView';
import { hostNameOf } from '../../lib/host-name';

const STATE_TEXT = { following: '', stopped: 'stopped', left: 'removed', disconnected: 'host lost' } as const;

/** Several containers' logs, on any hosts, followed as one time-ordered view. */
export function MergedLogsPage() {
  const selector = useMergedLogsStore((s) => s.selector);
  const follow = useMergedLogsStore((s) => s.follow);
  const hosts = useHostsStore((s) => s.hosts);
  const logs = useMergedLogs(selector, 100);
  const hostName = (id: string) => hostNameOf(hosts, id);
  const members = [...logs.members.values()];

  return (
    <section className="merged-page" aria-label="Merged logs">
      <AppPageHeader
        title="Merged logs"
        summary="Several containers on any hosts, in one view in time order"
      />
      <div className="merged-body">
        <MergedLogsPicker
          following={selector !== undefined}
          onFollow={follow}
          onStop={() => follow(undefined)}
        />
        {logs.error && <ErrorBanner error={logs.error} title="The merged log stream stopped" />}
        {logs.hostErrors.map((h) => (
          <ErrorBanner
            key={h.hostId}
            error={h.error}
            title={`Could not list the containers of ${hostName(h.hostId)}`}
          />
        ))}
        {selector && (
          <ul className="chip-row" aria-label="Followed containers">
            {members.length === 0 && <li className="muted">Waiting for matching containers…</li>}
            {members.map((m) => (
              <li
                key={`${m.hostId}/${m.containerId}`}
                className={`merged-member is-${m.state}`}
                style={{ '--member-hue': memberHue(m.index) } as CSSProperties}
                title={m.error?.message}
              >
                <span className="merged-dot" aria-hidden="true" />
                {hostName(m.hostId)}/{m.name}
                {STATE_TEXT[m.state] && <span className="muted"> · {STATE_TEXT[m.state]}</span>}
              </li>
            ))}
          </ul>
        )}
        {selector ? (
          <MergedLogView logs={logs} hostName={hostName} />
        ) : (
          <div className="empty-state">
            <p className="empty-title">Pick what to follow</p>
            <p className="muted">
              Select containers in All containers (or a host’s list), or name a label, a compose project or a
              service: containers that match later join the stream.
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
