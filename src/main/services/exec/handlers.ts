import type { Contract } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';

/** Binds the exec namespace of the contract to its service. */
export function execHandlers(_ctx: AppContext): Handlers<Contract>['exec'] {
  return {};
}
