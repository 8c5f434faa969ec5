import { FleetSettingsStore } from './fleet-settings-store';
import { perContext } from '../../app/per-context';

/** The one fleet settings store of a backend, shared by updates, alerts and host charts. */
export const fleetSettingsFor = perContext((ctx) => new FleetSettingsStore(ctx.configDir));
