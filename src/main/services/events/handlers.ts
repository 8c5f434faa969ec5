import type { Contract } from '@shared/contract';
import type { AppContext } from '../../app/app-context';
import type { Handlers } from '../../rpc/handlers';

/** Binds the events namespace: one shared feed per host, fanned out to subscribers. */
export function eventsHandlers({ events: feeds }: AppContext): Handlers<Contract>['events'] {
  return {
    watch: ({ hostId }, sink) => feeds.subscribe(hostId, (batch) => sink.emit(batch)),
    recent: ({ hostId, limit }) => feeds.recent(hostId, limit),
  };
}
