import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fleetSettingsSchema, type FleetSettings, type FleetSettingsPatch } from '@shared/contract';

/**
 * fleet.json next to settings.json: update checks, alert rules, host charts. Loaded once; an
 * invalid file falls back to defaults (and is overwritten by the next change); written atomically.
 */
export class FleetSettingsStore {
  readonly file: string;
  private settings: FleetSettings = fleetSettingsSchema.parse({});
  private loaded: Promise<void> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(s: FleetSettings) => void>();

  constructor(dir: string | undefined) {
    this.file = dir ? path.join(dir, 'fleet.json') : '';
  }

  load(): Promise<FleetSettings> {
    this.loaded ??= (async () => {
      if (!this.file) return;
      const text = await fs.readFile(this.file, 'utf8').catch(() => undefined);
      if (text === undefined) return;
      try {
        const parsed = fleetSettingsSchema.safeParse(JSON.parse(text));
        if (parsed.success) this.settings = parsed.data;
      } catch {
        // Not JSON: defaults until the next change rewrites it.
      }
    })();
    return this.loaded.then(() => this.settings);
  }

  /** The settings as last loaded or changed (defaults before load). */
  get current(): FleetSettings {
    return this.settings;
  }

  async update(patch: FleetSettingsPatch): Promise<FleetSettings> {
    await this.load();
    const next = fleetSettingsSchema.parse({
      updates: { ...this.settings.updates, ...patch.updates },
      alerts: { ...this.settings.alerts, ...patch.alerts },
      charts: { ...this.settings.charts, ...patch.charts },
    });
    this.settings = next;
    if (this.file) {
      const write = async () => {
        const tmp = `${this.file}.${process.pid}.tmp`;
        await fs.writeFile(tmp, JSON.stringify(next, null, 2), { mode: 0o600 });
        await fs.rename(tmp, this.file);
      };
      this.writing = this.writing.then(write, write);
      await this.writing;
    }
    for (const l of this.listeners) l(next);
    return next;
  }

  /** Called with the settings after every change. */
  subscribe(fn: (s: FleetSettings) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}
