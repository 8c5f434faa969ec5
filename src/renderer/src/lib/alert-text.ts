import type { Alert, AlertRule } from '@shared/contract';

/** Each alert rule as the settings and the alerts list name it. */
export const ALERT_RULE_LABELS: Record<AlertRule, string> = {
  exit: 'Exited with an error',
  oom: 'Out of memory',
  unhealthy: 'Unhealthy',
  'restart-loop': 'Restart loop',
  'host-unreachable': 'Host unreachable',
  disk: 'Disk usage',
  'update-available': 'Update available',
};

/** The desktop notification for a new alert. */
export function alertNotification(alert: Alert, hostName: string): { title: string; body: string } {
  return { title: alert.message, body: `${ALERT_RULE_LABELS[alert.rule]} on ${hostName}` };
}
