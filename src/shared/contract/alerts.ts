import { z } from 'zod';
import { call, stream } from './define';
import type { AlertRule } from './fleet-settings';

/** One alert. Repeats of the same rule on the same object while it is unacknowledged bump `count`. */
export interface Alert {
  id: string;
  rule: AlertRule;
  hostId: string;
  /** The container (absent for host-wide rules: unreachable, disk). */
  containerId?: string;
  /** Container name, or the host's name for host-wide rules. */
  subject: string;
  /** One sentence for the list and the desktop notification. */
  message: string;
  /** First and last occurrence (epoch ms; engine time for engine events). */
  at: number;
  lastAt: number;
  count: number;
  /** Details of the rule: exit code, restarts counted, bytes used, image reference... */
  detail?: Record<string, string | number>;
  acknowledged: boolean;
  /** When the condition ended on its own (host back, container healthy again). */
  resolvedAt?: number;
}

export type AlertsEvent =
  /** First event: the alerts kept now, oldest first. */
  | { type: 'snapshot'; alerts: Alert[] }
  /** A new alert: notify. */
  | { type: 'added'; alert: Alert }
  /** An alert changed (repeated, acknowledged, resolved): do not notify again. */
  | { type: 'updated'; alert: Alert }
  /** Alerts dropped past the bound or cleared. */
  | { type: 'removed'; ids: string[] };

const alertIdSchema = z.string().regex(/^a-[a-z0-9]{1,32}$/, 'not a valid alert id');

export const alertsContract = {
  list: call<Alert[]>()(z.strictObject({})),
  /** The alerts now, then each change. */
  watch: stream<AlertsEvent>()(z.strictObject({})),
  /** Acknowledges some alerts, or all when `ids` is absent. */
  acknowledge: call<void>()(z.strictObject({ ids: z.array(alertIdSchema).max(1000).optional() })),
  /** Forgets acknowledged alerts. */
  clear: call<void>()(z.strictObject({})),
};
