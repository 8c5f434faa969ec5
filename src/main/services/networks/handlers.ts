import type { Contract } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';

/** Binds the networks namespace of the contract to its service. */
export function networksHandlers(_ctx: AppContext): Handlers<Contract>['networks'] {
  return {};
}
