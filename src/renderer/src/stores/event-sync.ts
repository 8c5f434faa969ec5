import type { EventBatch } from '@shared/contract';
import { invalidate, invalidateAll, type ResourceKind } from '../lib/invalidation';
import { api } from '../rpc/api';
import { useActivityStore } from './activity';

const KINDS: Record<string, ResourceKind> = {
  container: 'container',
  image: 'image',
  network: 'network',
  volume: 'volume',
  service: 'swarm',
  node: 'swarm',
  secret: 'swarm',
  config: 'swarm',
};

let started = false;

function handle(batch: EventBatch) {
  for (const hostId of batch.resync ?? []) invalidateAll(hostId);
  if (batch.events.length === 0) return;
  useActivityStore.getState().add(batch.events);
  for (const e of batch.events) {
    const kind = KINDS[e.type];
    // Containers are refreshed by id (the event names the one that changed).
    if (kind) invalidate(kind, e.hostId, kind === 'container' && e.id ? e.id : undefined);
    // A container's image/network/volume usage changes with it.
    if (e.type === 'container' && (e.action === 'create' || e.action === 'destroy')) {
      invalidate('image', e.hostId);
      invalidate('volume', e.hostId);
    }
    if (e.type === 'container' && (e.action === 'start' || e.action === 'die')) {
      invalidate('network', e.hostId);
      // A swarm task starting or dying on this node.
      invalidate('swarm', e.hostId);
    }
  }
}

/**
 * One events subscription for the whole app: it drives every list and the activity feed (desktop
 * notifications come from the alerts main raises: stores/alerts.ts).
 */
export function startEventSync(): void {
  if (started) return;
  started = true;
  void api.events.recent({ limit: 1000 }).then(
    (events) => useActivityStore.getState().seed(events),
    () => undefined,
  );
  const subscribe = (): void => {
    api.events.watch(
      {},
      {
        onEvent: handle,
        onEnd: (error) => {
          // A lost backend shows its own banner and needs a reload; any other end would leave
          // every list silently stale, so subscribe again (the first batch resyncs them).
          if (error && error.code !== 'INTERNAL') setTimeout(subscribe, 2000);
        },
      },
    );
  };
  subscribe();
}
