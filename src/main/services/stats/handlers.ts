import type { Contract } from '@shared/contract';
import type { Handlers, StreamSink } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';
import { watchStatsResilient } from './resilient-stats';
import { summaryHubsFor } from './summary-hubs';

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
export function statsHandlers(ctx: Pick<AppContext, 'hosts' | 'onDispose'>): Handlers<Contract>['stats'] {
  const { hosts } = ctx;
  const hubs = summaryHubsFor(ctx);
  return {
    container: ({ hostId, id }, sink) =>
      watchStatsResilient({ hosts }, hostId, id, dropWhenBehind(sink), sink),
    summary: async ({ hostId, ids }, sink) => {
      await hosts.client(hostId); // an unknown or unreachable host fails the subscription now
      return hubs.for(hostId).subscribe(ids, dropWhenBehind(sink));
    },
  };
}
