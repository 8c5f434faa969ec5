import { SETTINGS_VERSION, settingsFields, type Settings } from '@shared/contract';

export interface MigrationResult {
  settings: Settings;
  /** The version the input had (0 = written before settings were versioned). */
  from: number;
  /** The input must not be overwritten: it comes from a newer Berthmaster. */
  newer: boolean;
  /** Fields whose stored value was invalid and were reset to their default. */
  reset: string[];
}

type Raw = Record<string, unknown>;

/**
 * One step per version: MIGRATIONS[n] turns a version-n object into version n+1. Version 0 is
 * what development builds wrote before the file had a version: the theme was "auto" and the log
 * buffer was called "logLines".
 */
const MIGRATIONS: Record<number, (raw: Raw) => Raw> = {
  0: ({ logLines, ...rest }) => ({
    ...rest,
    ...(rest.theme === 'auto' ? { theme: 'system' } : {}),
    ...(logLines !== undefined && rest.logBufferLines === undefined ? { logBufferLines: logLines } : {}),
  }),
};

export function defaultSettings(): Settings {
  return fromFields({}).settings;
}

/** Validates field by field: an invalid value falls back to its default alone. */
function fromFields(raw: Raw): { settings: Settings; reset: string[] } {
  const reset: string[] = [];
  const out: Record<string, unknown> = { version: SETTINGS_VERSION };
  for (const [key, schema] of Object.entries(settingsFields)) {
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success) {
      out[key] = parsed.data;
    } else {
      out[key] = schema.parse(undefined);
      reset.push(key);
    }
  }
  return { settings: out as Settings, reset };
}

/** Any stored JSON to current settings: migrated step by step, then validated per field. */
export function migrateSettings(input: unknown): MigrationResult {
  const raw: Raw = input && typeof input === 'object' && !Array.isArray(input) ? { ...(input as Raw) } : {};
  const v = raw.version;
  const from = v === undefined ? 0 : typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : -1;
  if (from < 0) return { ...fromFields({}), from: 0, newer: false, reset: ['version'] };
  if (from > SETTINGS_VERSION) {
    // A newer Berthmaster wrote it: read what this version understands, never write over it.
    const { settings, reset } = fromFields(raw);
    return { settings, from, newer: true, reset };
  }
  let current = raw;
  for (let n = from; n < SETTINGS_VERSION; n++) {
    const step = MIGRATIONS[n];
    if (step) current = step(current);
  }
  const { settings, reset } = fromFields(current);
  return { settings, from, newer: false, reset };
}
