import { useMemo, useState } from 'react';
import type { Alert, HostView } from '@shared/contract';
import { AppPageHeader } from '../../components/ui/AppPageHeader';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { useMutation } from '../../hooks/useMutation';
import { useNow } from '../../hooks/useNow';
import { ALERT_RULE_LABELS } from '../../lib/alert-text';
import { fullDate, relativeTime } from '../../lib/format';
import { Timestamp } from '../../components/ui/Timestamp';
import { plural } from '../../lib/plural';
import { sortedAlerts, unacknowledgedCount, useAlertsStore } from '../../stores/alerts';
import { useHostsStore } from '../../stores/hosts';
import { AlertSettings } from './AlertSettings';
import { usePick } from '../../hooks/usePick';

/**
 * Every alert main raised on every host (exits, OOM, unhealthy, restart loops, unreachable hosts,
 * disk, updates), newest first: acknowledge them one by one or all, clear the acknowledged ones.
 */
export function AlertsPage() {
  const { alerts, loaded, error: streamError } = usePick(useAlertsStore, 'alerts', 'loaded', 'error');
  const hosts = useHostsStore((s) => s.hosts);
  const now = useNow(15_000);
  const [showSettings, setShowSettings] = useState(false);
  const acknowledge = useMutation('alerts.acknowledge');
  const clear = useMutation('alerts.clear');
  const list = useMemo(() => sortedAlerts(alerts), [alerts]);
  const open = unacknowledgedCount(alerts);
  const acknowledged = list.length - open;
  const summary = `${plural(list.length, 'alert')}${open > 0 ? ` · ${open} unacknowledged` : ''}`;

  return (
    <section className="alerts-page" aria-label="Alerts">
      <AppPageHeader title="Alerts" summary={summary} live>
        <button
          type="button"
          className="button"
          disabled={open === 0 || acknowledge.busy}
          onClick={() => void acknowledge.run({})}
        >
          Acknowledge all
        </button>
        <button
          type="button"
          className="button"
          disabled={acknowledged === 0 || clear.busy}
          onClick={() => void clear.run({})}
          title="Forget the acknowledged alerts"
        >
          Clear acknowledged
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={showSettings}
          onClick={() => setShowSettings((v) => !v)}
        >
          Alert settings
        </button>
      </AppPageHeader>
      <div className="alerts-body">
        {streamError && <ErrorBanner error={streamError} />}
        {acknowledge.error && <ErrorBanner error={acknowledge.error} />}
        {clear.error && <ErrorBanner error={clear.error} />}
        {showSettings && <AlertSettings />}
        {!loaded ? (
          <p className="muted">Loading alerts…</p>
        ) : list.length === 0 ? (
          <div className="empty-state">
            <p className="empty-title">No alerts</p>
            <p className="muted">
              Containers exiting with an error, running out of memory, turning unhealthy or restarting in a
              loop, hosts becoming unreachable or filling their disk show up here.
            </p>
          </div>
        ) : (
          <ul className="alert-list" aria-label="Alerts, newest first">
            {list.map((a) => (
              <AlertRow
                key={a.id}
                alert={a}
                host={hosts.find((h) => h.id === a.hostId)}
                now={now}
                busy={acknowledge.busy}
                onAcknowledge={() => void acknowledge.run({ ids: [a.id] })}
              />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function AlertRow({
  alert: a,
  host,
  now,
  busy,
  onAcknowledge,
}: {
  alert: Alert;
  /** Undefined once the host is removed: the alert keeps its id. */
  host: HostView | undefined;
  now: number;
  busy: boolean;
  onAcknowledge(): void;
}) {
  const state = a.resolvedAt ? 'resolved' : a.acknowledged ? 'acknowledged' : 'open';
  return (
    <li className={`alert-row rule-${a.rule} is-${state}`} aria-label={a.message}>
      <span className={`alert-rule rule-${a.rule}`}>{ALERT_RULE_LABELS[a.rule]}</span>
      <span className="alert-main">
        <span className="alert-message">{a.message}</span>
        <span className="alert-where">
          <span className="swatch" style={{ background: host?.color }} aria-hidden="true" />
          {host?.name ?? a.hostId}
          {a.containerId && <span className="mono-soft"> · {a.subject}</span>}
          {a.detail &&
            Object.entries(a.detail).map(([k, v]) => (
              <span key={k} className="alert-detail">
                {k}: {v}
              </span>
            ))}
        </span>
      </span>
      <span className="alert-count" title={`${a.count} times since ${fullDate(a.at)}`}>
        {a.count > 1 ? `×${a.count}` : ''}
      </span>
      <Timestamp className="alert-time" ms={a.lastAt} text={relativeTime(a.lastAt, now)} />
      <span className="alert-state">
        {state === 'open' ? (
          <button
            type="button"
            className="button button-small"
            aria-label={`Acknowledge ${a.message}`}
            disabled={busy}
            onClick={onAcknowledge}
          >
            Acknowledge
          </button>
        ) : (
          <span className="muted">{state === 'resolved' ? 'Resolved' : 'Acknowledged'}</span>
        )}
      </span>
    </li>
  );
}
