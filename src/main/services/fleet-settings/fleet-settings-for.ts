import type { AppContext } from '../../app/app-context';
import { FleetSettingsStore } from './fleet-settings-store';

const stores = new WeakMap<AppContext, FleetSettingsStore>();

/** The one fleet settings store of a backend, shared by updates, alerts and host charts. */
export function fleetSettingsFor(ctx: AppContext): FleetSettingsStore {
  let store = stores.get(ctx);
  if (!store) {
    store = new FleetSettingsStore(ctx.configDir);
    stores.set(ctx, store);
  }
  return store;
}
