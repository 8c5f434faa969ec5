import type { Contract } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';

/** Binds the system namespace of the contract to its service. */
export function systemHandlers(_ctx: AppContext): Handlers<Contract>['system'] {
  return {};
}
