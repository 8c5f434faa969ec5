import { create } from 'zustand';
import type { AppErrorShape, FleetSettings, FleetSettingsPatch } from '@shared/contract';
import { toErrorShape } from '../lib/errors';
import { api } from '../rpc/api';

interface FleetSettingsState {
  settings: FleetSettings | undefined;
  error: AppErrorShape | undefined;
  saving: boolean;
  load(): Promise<void>;
  configure(patch: FleetSettingsPatch): Promise<boolean>;
}

/** The fleet watch's settings (alerts' mutes and thresholds, update schedule) as main keeps them. */
export const useFleetSettingsStore = create<FleetSettingsState>()((set) => ({
  settings: undefined,
  error: undefined,
  saving: false,
  async load() {
    try {
      set({ settings: await api.fleet.settings({}), error: undefined });
    } catch (e) {
      set({ error: toErrorShape(e) });
    }
  },
  async configure(patch) {
    set({ saving: true, error: undefined });
    try {
      set({ settings: await api.fleet.configure(patch), saving: false });
      return true;
    } catch (e) {
      set({ saving: false, error: toErrorShape(e) });
      return false;
    }
  },
}));
