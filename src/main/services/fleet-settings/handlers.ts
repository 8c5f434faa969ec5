import type { Contract } from '@shared/contract';
import type { AppContext } from '../../app/app-context';
import type { Handlers } from '../../rpc/handlers';
import { fleetSettingsFor } from './fleet-settings-for';

/** Binds the fleet namespace: the settings of update checks, alerts and host charts. */
export function fleetHandlers(ctx: AppContext): Handlers<Contract>['fleet'] {
  const store = fleetSettingsFor(ctx);
  return {
    settings: () => store.load(),
    configure: (patch) => store.update(patch),
  };
}
