import type { Contract } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';

/** Binds the events namespace of the contract to its service. */
export function eventsHandlers(_ctx: AppContext): Handlers<Contract>['events'] {
  return {};
}
