import type { Contract } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';

/** Binds the stats namespace of the contract to its service. */
export function statsHandlers(_ctx: AppContext): Handlers<Contract>['stats'] {
  return {};
}
