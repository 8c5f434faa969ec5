import type { Contract } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';
import { followLogs } from './follow-logs';
import { followResilient } from './resilient-follow';

/**
 * Binds the logs namespace of the contract to its service. A follow without an end time outlives
 * container restarts and host outages; a bounded read ends with the engine stream.
 */
export function logsHandlers({
  hosts,
  events,
}: Pick<AppContext, 'hosts' | 'events'>): Handlers<Contract>['logs'] {
  return {
    follow: async ({ hostId, id, ...req }, sink) =>
      req.follow && req.until === undefined
        ? followResilient({ hosts, events }, hostId, id, req, sink)
        : followLogs((await hosts.client(hostId)).docker, id, req, sink),
  };
}
