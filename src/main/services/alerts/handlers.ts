import type { Contract } from '@shared/contract';
import type { AppContext } from '../../app/app-context';
import type { Handlers } from '../../rpc/handlers';
import { alertsFor } from './alerts-service';

/** Binds the alerts namespace. The service itself starts with the backend (startFleetWatch). */
export function alertsHandlers(ctx: AppContext): Handlers<Contract>['alerts'] {
  const store = () => alertsFor(ctx).store;
  return {
    list: () => store().list(),
    watch: (_params, sink) => {
      sink.emit({ type: 'snapshot', alerts: store().list() });
      return store().subscribe((e) => sink.emit(e));
    },
    acknowledge: ({ ids }) => store().acknowledge(ids),
    clear: () => store().clearAcknowledged(),
  };
}
