import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SETTINGS_VERSION, type Settings, type SettingsPatch, type SettingsState } from '@shared/contract';
import { defaultSettings, migrateSettings } from './settings-migration';
import { writeJsonAtomic } from '../../write-json-atomic';

/**
 * settings.json next to hosts.json. Loaded once (migrated, validated), written atomically on
 * every change. A file from a newer Berthmaster is read but never overwritten.
 */
export class SettingsStore {
  readonly file: string;
  private settings: Settings = defaultSettings();
  private notice: string | undefined;
  private readOnly = false;
  private loaded: Promise<void> | undefined;
  private updating: Promise<unknown> = Promise.resolve();

  constructor(readonly dir: string) {
    this.file = path.join(dir, 'settings.json');
  }

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      let text: string;
      try {
        text = await fs.readFile(this.file, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw e;
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        this.notice = `The settings file ${this.file} is not valid JSON; defaults are used until you change a setting.`;
        return;
      }
      const m = migrateSettings(json);
      this.settings = m.settings;
      if (m.newer) {
        this.readOnly = true;
        this.notice = `The settings file was written by a newer Berthmaster (version ${m.from}); changes here are not saved, to keep it intact.`;
      } else if (m.reset.length > 0) {
        this.notice = `Some settings were invalid and reset to their defaults: ${m.reset.join(', ')}.`;
      }
    })();
    return this.loaded;
  }

  private state(): SettingsState {
    const s: SettingsState = { settings: this.settings, dataDir: this.dir };
    if (this.notice) s.notice = this.notice;
    return s;
  }

  /** The settings as loaded so far (defaults before the first load): for limits read per request. */
  current(): Settings {
    return this.settings;
  }

  async get(): Promise<SettingsState> {
    await this.load();
    return this.state();
  }

  /**
   * Changes are applied one after another: each is built on the settings the one before it left
   * (two clicks in flight must not each start from the same old settings and drop the other).
   */
  update(patch: SettingsPatch): Promise<SettingsState> {
    const run = this.updating.then(() => this.apply(patch));
    this.updating = run.catch(() => undefined);
    return run;
  }

  private async apply(patch: SettingsPatch): Promise<SettingsState> {
    await this.load();
    const next: Settings = { ...this.settings, ...dropUndefined(patch), version: SETTINGS_VERSION };
    if (!this.readOnly) {
      await writeJsonAtomic(this.dir, this.file, next);
      this.notice = undefined;
    }
    this.settings = next;
    return this.state();
  }
}

function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
