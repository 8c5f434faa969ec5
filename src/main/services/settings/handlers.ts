import os from 'node:os';
import path from 'node:path';
import type { Contract, SettingsState } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';
import { SettingsStore } from './settings-store';

/** Binds the settings namespace: one settings.json in Berthmaster's config folder. */
export function settingsHandlers(ctx: AppContext): Handlers<Contract>['settings'] {
  const store =
    ctx.settings ?? new SettingsStore(ctx.configDir ?? path.join(os.tmpdir(), 'berthmaster-settings'));
  // The API log's size follows the setting (read once at start, then on every change).
  const apply = (state: SettingsState): SettingsState => {
    ctx.hosts?.apiLog.setCapacity(state.settings.apiLogEntries);
    return state;
  };
  void store
    .get()
    .then(apply)
    .catch(() => undefined);
  return {
    get: async () => apply(await store.get()),
    update: async (patch) => apply(await store.update(patch)),
  };
}
