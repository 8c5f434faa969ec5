import os from 'node:os';
import path from 'node:path';
import type { Contract } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';
import { SettingsStore } from './settings-store';

/** Binds the settings namespace: one settings.json in Berthmaster's config folder. */
export function settingsHandlers(ctx: AppContext): Handlers<Contract>['settings'] {
  const store =
    ctx.settings ?? new SettingsStore(ctx.configDir ?? path.join(os.tmpdir(), 'berthmaster-settings'));
  return {
    get: () => store.get(),
    update: (patch) => store.update(patch),
  };
}
