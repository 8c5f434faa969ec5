import type { Contract } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';

/** Binds the images namespace of the contract to its service. */
export function imagesHandlers(_ctx: AppContext): Handlers<Contract>['images'] {
  return {};
}
