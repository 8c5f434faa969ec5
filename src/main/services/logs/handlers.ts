import type { Contract } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';
import { followLogs } from './follow-logs';

/** Binds the logs namespace of the contract to its service. */
export function logsHandlers({ hosts }: Pick<AppContext, 'hosts'>): Handlers<Contract>['logs'] {
  return {
    follow: async ({ hostId, id, ...req }, sink) =>
      followLogs((await hosts.client(hostId)).docker, id, req, sink),
  };
}
