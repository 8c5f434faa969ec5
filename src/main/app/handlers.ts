import type { Contract } from '@shared/contract';
import type { Handlers } from '../rpc/handlers';
import type { AppContext } from './app-context';
import { apilogHandlers } from '../services/apilog/handlers';
import { appHandlers } from '../services/app/handlers';
import { auditHandlers } from '../services/audit/handlers';
import { containersHandlers } from '../services/containers/handlers';
import { contextsHandlers } from '../services/contexts/handlers';
import { eventsHandlers } from '../services/events/handlers';
import { execHandlers } from '../services/exec/handlers';
import { hostsHandlers } from '../services/hosts/handlers';
import { imagesHandlers } from '../services/images/handlers';
import { logsHandlers } from '../services/logs/handlers';
import { mobilityHandlers } from '../services/mobility/handlers';
import { networksHandlers } from '../services/networks/handlers';
import { registriesHandlers } from '../services/registries/handlers';
import { stacksHandlers } from '../services/stacks/handlers';
import { settingsHandlers } from '../services/settings/handlers';
import { searchHandlers } from '../services/search/handlers';
import { statsHandlers } from '../services/stats/handlers';
import { swarmHandlers } from '../services/swarm/handlers';
import { systemHandlers } from '../services/system/handlers';
import { tasksHandlers } from '../services/tasks/handlers';
import { volumesHandlers } from '../services/volumes/handlers';
import { fleetHandlers } from '../services/fleet-settings/handlers';
import { updatesHandlers } from '../services/updates/handlers';
import { alertsHandlers } from '../services/alerts/handlers';
import { mergedLogsHandlers } from '../services/merged-logs/handlers';
import { hostChartsHandlers } from '../services/host-charts/handlers';

/** One handler module per namespace; this file only composes them. */
export function createHandlers(ctx: AppContext): Handlers<Contract> {
  return {
    app: appHandlers(ctx),
    hosts: hostsHandlers(ctx),
    containers: containersHandlers(ctx),
    images: imagesHandlers(ctx),
    networks: networksHandlers(ctx),
    volumes: volumesHandlers(ctx),
    logs: logsHandlers(ctx),
    stats: statsHandlers(ctx),
    exec: execHandlers(ctx),
    events: eventsHandlers(ctx),
    system: systemHandlers(ctx),
    audit: auditHandlers(ctx),
    tasks: tasksHandlers(ctx),
    registries: registriesHandlers(ctx),
    contexts: contextsHandlers(ctx),
    settings: settingsHandlers(ctx),
    search: searchHandlers(ctx),
    swarm: swarmHandlers(ctx),
    mobility: mobilityHandlers(ctx),
    apilog: apilogHandlers(ctx),
    fleet: fleetHandlers(ctx),
    updates: updatesHandlers(ctx),
    alerts: alertsHandlers(ctx),
    mergedLogs: mergedLogsHandlers(ctx),
    hostCharts: hostChartsHandlers(ctx),
    stacks: stacksHandlers(ctx),
  };
}
