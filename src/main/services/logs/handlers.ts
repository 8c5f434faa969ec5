import type { Contract } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';

/** Binds the logs namespace of the contract to its service. */
export function logsHandlers(_ctx: AppContext): Handlers<Contract>['logs'] {
  return {};
}
