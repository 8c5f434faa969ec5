import { create } from 'zustand';
import { settingsSchema, SETTINGS_VERSION, type Settings, type SettingsPatch } from '@shared/contract';
import { setCurrentSettings } from '../lib/app-settings';
import { api } from '../rpc/api';
import { useTerminalsStore } from './terminals';

interface SettingsStoreState {
  settings: Settings;
  dataDir: string;
  notice: string | undefined;
  loaded: boolean;
  load(): Promise<void>;
  /** Saves a change; rejects with the backend's AppError when it is refused. */
  update(patch: SettingsPatch): Promise<void>;
}

function apply(next: Settings, prev: Settings | undefined) {
  setCurrentSettings(next);
  const terminals = useTerminalsStore.getState();
  // The terminal's own zoom (Ctrl +/-) stays until the setting itself changes.
  if (!prev || prev.terminalScrollback !== next.terminalScrollback)
    terminals.setScrollback(next.terminalScrollback);
  if (prev && prev.terminalFontSize !== next.terminalFontSize) {
    useTerminalsStore.setState({ fontSize: next.terminalFontSize });
  }
}

/** The number of the last update sent: only its answer is applied. */
let latestUpdate = 0;

export const useSettingsStore = create<SettingsStoreState>()((set, get) => ({
  settings: settingsSchema.parse({ version: SETTINGS_VERSION }),
  dataDir: '',
  notice: undefined,
  loaded: false,

  async load() {
    const s = await api.settings.get({});
    apply(s.settings, undefined);
    set({ settings: s.settings, dataDir: s.dataDir, notice: s.notice, loaded: true });
  },

  async update(patch) {
    const prev = get().settings;
    const mine = ++latestUpdate;
    // Shown at once (a theme click must not wait for the disk); put back if main refuses it.
    const optimistic = { ...prev, ...patch } as Settings;
    apply(optimistic, prev);
    set({ settings: optimistic });
    try {
      const s = await api.settings.update(patch);
      // Main applies changes in order, so the answer to the last one holds them all; an earlier
      // answer would undo the later clicks still shown optimistically.
      if (mine !== latestUpdate) return;
      apply(s.settings, get().settings);
      set({ settings: s.settings, dataDir: s.dataDir, notice: s.notice });
    } catch (e) {
      if (mine === latestUpdate) {
        // What main holds now (earlier changes may have been saved or refused too).
        const held = await api.settings.get({}).then(
          (s) => s.settings,
          () => prev,
        );
        apply(held, get().settings);
        set({ settings: held });
      }
      throw e;
    }
  },
}));

/** Loads the settings once at startup; a failure keeps the defaults (the page shows the error). */
export function startSettings(): void {
  void useSettingsStore
    .getState()
    .load()
    .catch(() => undefined);
}
