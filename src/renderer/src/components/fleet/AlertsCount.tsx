import { unacknowledgedCount, useAlertsStore } from '../../stores/alerts';

/** The sidebar's badge on "Alerts": how many are not acknowledged yet. */
export function AlertsCount() {
  const n = useAlertsStore((s) => unacknowledgedCount(s.alerts));
  if (n === 0) return null;
  return (
    <span className="nav-count" aria-label={`${n} unacknowledged`} title={`${n} unacknowledged`}>
      {n > 99 ? '99+' : n}
    </span>
  );
}
