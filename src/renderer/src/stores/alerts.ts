import { create } from 'zustand';
import type { Alert, AlertsEvent, AppErrorShape } from '@shared/contract';
import { toErrorShape } from '../lib/errors';
import { alertNotification } from '../lib/alert-text';
import { notificationsEnabled, showNotification } from '../lib/notifications';
import { api } from '../rpc/api';
import { pageWatch } from './page-watch';
import { useHostsStore } from './hosts';

interface AlertsState {
  alerts: Record<string, Alert>;
  loaded: boolean;
  error: AppErrorShape | undefined;
  acknowledge(ids?: string[]): Promise<void>;
  clear(): Promise<void>;
}

export const useAlertsStore = create<AlertsState>()(() => ({
  alerts: {},
  loaded: false,
  error: undefined,
  async acknowledge(ids) {
    await api.alerts.acknowledge(ids ? { ids } : {});
  },
  async clear() {
    await api.alerts.clear({});
  },
}));

/** Newest first (by last occurrence). */
export function sortedAlerts(alerts: Record<string, Alert>): Alert[] {
  return Object.values(alerts).sort((a, b) => b.lastAt - a.lastAt || b.at - a.at);
}

export function unacknowledgedCount(alerts: Record<string, Alert>): number {
  let n = 0;
  for (const a of Object.values(alerts)) if (!a.acknowledged) n += 1;
  return n;
}

function notify(alert: Alert): void {
  if (!notificationsEnabled(alert.hostId)) return;
  const host = useHostsStore.getState().hosts.find((h) => h.id === alert.hostId);
  showNotification(alertNotification(alert, host?.name ?? alert.hostId));
}

function apply(ev: AlertsEvent): void {
  useAlertsStore.setState((s) => {
    if (ev.type === 'snapshot') {
      return { loaded: true, error: undefined, alerts: Object.fromEntries(ev.alerts.map((a) => [a.id, a])) };
    }
    if (ev.type === 'added' || ev.type === 'updated')
      return { alerts: { ...s.alerts, [ev.alert.id]: ev.alert } };
    const alerts = { ...s.alerts };
    for (const id of ev.ids) delete alerts[id];
    return { alerts };
  });
  if (ev.type === 'added') notify(ev.alert);
}

/** Follows the alerts for the life of the page; a new one becomes a desktop notification. */
export const startAlertsWatch = pageWatch<AlertsEvent>({
  open: (handlers) => api.alerts.watch({}, handlers),
  onEvent: apply,
  onEnd(error) {
    if (error) useAlertsStore.setState({ error: toErrorShape(error) });
    return error && error.code !== 'INTERNAL' ? 2000 : undefined;
  },
});
