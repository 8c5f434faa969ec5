import { apilogContract } from './apilog';
import { appContract } from './app';
import { auditContract } from './audit';
import { containersContract } from './containers';
import { contextsContract } from './contexts';
import { eventsContract } from './events';
import { execContract } from './exec';
import { hostsContract } from './hosts';
import { imagesContract } from './images';
import { logsContract } from './logs';
import { mobilityContract } from './mobility';
import { networksContract } from './networks';
import { registriesContract } from './registries';
import { settingsContract } from './settings';
import { searchContract } from './search';
import { statsContract } from './stats';
import { stacksContract } from './stacks';
import { swarmContract } from './swarm';
import { systemContract } from './system';
import { tasksContract } from './tasks';
import { volumesContract } from './volumes';
import { fleetContract } from './fleet-settings';
import { updatesContract } from './updates';
import { alertsContract } from './alerts';
import { mergedLogsContract } from './merged-logs';
import { hostChartsContract } from './host-charts';

/**
 * The whole surface between renderer and main. Channel names are `namespace.member`, derived from
 * these keys; nothing else can be called.
 */
export const contract = {
  app: appContract,
  hosts: hostsContract,
  containers: containersContract,
  images: imagesContract,
  networks: networksContract,
  volumes: volumesContract,
  logs: logsContract,
  stats: statsContract,
  exec: execContract,
  events: eventsContract,
  system: systemContract,
  audit: auditContract,
  tasks: tasksContract,
  registries: registriesContract,
  contexts: contextsContract,
  settings: settingsContract,
  search: searchContract,
  swarm: swarmContract,
  mobility: mobilityContract,
  apilog: apilogContract,
  fleet: fleetContract,
  updates: updatesContract,
  alerts: alertsContract,
  mergedLogs: mergedLogsContract,
  hostCharts: hostChartsContract,
  stacks: stacksContract,
} as const;

export type Contract = typeof contract;

export * from './define';
export * from './app';
export * from './errors';
export * from './ids';
export * from './hosts';
export * from './containers';
export * from './events';
export * from './logs';
export * from './stats';
export * from './exec';
export * from './images';
export * from './image-reference';
export * from './tasks';
export * from './registries';
export * from './mobility';
export * from './networks';
export * from './volumes';
export * from './system';
export * from './audit';
export * from './swarm';
export * from './stacks';
export * from './stacks-model';
export * from './search';
export * from './contexts';
export * from './settings';
export * from './apilog';
export * from './fleet-settings';
export * from './updates';
export * from './alerts';
export * from './merged-logs';
export * from './host-charts';
