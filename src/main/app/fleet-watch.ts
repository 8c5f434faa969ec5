import { alertsFor } from '../services/alerts/alerts-service';
import { hostChartsFor } from '../services/host-charts/host-charts-service';
import { updatesFor } from '../services/updates/updates-service';
import type { AppContext } from './app-context';

/**
 * Starts the fleet watch with the backend rather than with a view: alerts follow the engine
 * events from the start, the update schedule runs, host charts keep history when asked to.
 */
export function startFleetWatch(ctx: AppContext): void {
  updatesFor(ctx);
  alertsFor(ctx);
  hostChartsFor(ctx);
}
