import type { Contract } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';

/** Binds the volumes namespace of the contract to its service. */
export function volumesHandlers(_ctx: AppContext): Handlers<Contract>['volumes'] {
  return {};
}
