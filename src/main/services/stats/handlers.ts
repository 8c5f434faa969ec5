import type { Contract } from '@shared/contract';
import type { Handlers, StreamSink } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';
import { hostLoss } from '../hosts/host-liveness';
import { watchStatsResilient } from './resilient-stats';
import { SummaryHub } from './summary-hub';

/**
 * Readings are periodic and only the newest matters: a subscriber that falls behind misses some
 * instead of having them queued.
 */
function dropWhenBehind<E>(sink: StreamSink<E>): (event: E) => void {
  let blocked = false;
  return (event) => {
    if (blocked) return;
    if (!sink.emit(event)) {
      blocked = true;
      void sink.writable().then(() => (blocked = false));
    }
  };
}

/** Binds the stats namespace of the contract: a per-container stream and a shared per-host summary. */
export function statsHandlers({
  hosts,
  onDispose,
}: Pick<AppContext, 'hosts' | 'onDispose'>): Handlers<Contract>['stats'] {
  const hubs = new Map<string, SummaryHub>();
  // Summaries follow host health: streams close when a host is lost and reopen when it is back.
  const unwatch = hosts.watch((snap) => {
    for (const [hostId, hub] of hubs) hub.setHostDown(hostLoss(snap, hostId));
  });
  onDispose(() => {
    unwatch();
    for (const hub of hubs.values()) hub.close();
    hubs.clear();
  });
  const hubFor = (hostId: string) => {
    let hub = hubs.get(hostId);
    if (!hub) {
      hub = new SummaryHub(async () => (await hosts.client(hostId)).docker);
      hubs.set(hostId, hub);
    }
    return hub;
  };

  return {
    container: ({ hostId, id }, sink) =>
      watchStatsResilient({ hosts }, hostId, id, dropWhenBehind(sink), sink),
    summary: async ({ hostId, ids }, sink) => {
      await hosts.client(hostId); // an unknown or unreachable host fails the subscription now
      return hubFor(hostId).subscribe(ids, dropWhenBehind(sink));
    },
  };
}
