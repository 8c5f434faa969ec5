import { unacknowledgedCount, useAlertsStore } from '../../stores/alerts';
import { useUpdatesStore } from '../../stores/updates';
import { useViewStore } from '../../stores/view';
import { plural } from '../../lib/plural';

/** The overview's fleet totals: updates available (and when checked), open alerts. */
export function FleetSummary() {
  const totals = useUpdatesStore((s) => s.snapshot?.totals);
  const checking = useUpdatesStore((s) => s.checking);
  const alerts = useAlertsStore((s) => unacknowledgedCount(s.alerts));
  const { checkNow, setOnlyUpdates } = useUpdatesStore.getState();
  const { showPage } = useViewStore.getState();
  const updates = totals ? totals['update-available'] + totals['newer-pulled'] : 0;
  const failed = totals ? totals.unknown + totals['rate-limited'] : 0;
  return (
    <div className="fleet-summary" role="group" aria-label="Fleet totals">
      <button
        type="button"
        className={`fleet-stat${updates > 0 ? ' is-update' : ''}`}
        onClick={() => {
          setOnlyUpdates(true);
          showPage('all-containers');
        }}
        title="Show the containers with updates"
      >
        <strong>{updates}</strong> {updates === 1 ? 'update' : 'updates'} available
      </button>
      {totals && (
        <span className="fleet-stat is-quiet">
          {totals['up-to-date']} up to date · {totals.pinned} pinned · {totals['local-only']} local
          {failed > 0 ? ` · ${plural(failed, 'check')} failed` : ''}
        </span>
      )}
      <button
        type="button"
        className={`fleet-stat${alerts > 0 ? ' is-alert' : ''}`}
        onClick={() => showPage('alerts')}
      >
        <strong>{alerts}</strong> unacknowledged {alerts === 1 ? 'alert' : 'alerts'}
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={checking}
        onClick={() => void checkNow()}
      >
        {checking && <span className="spinner" aria-hidden="true" />}
        {checking ? 'Checking…' : 'Check for updates'}
      </button>
    </div>
  );
}
