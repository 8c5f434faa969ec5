import { z } from 'zod';
import { call } from './define';

export const SETTINGS_VERSION = 1;

/** A font stack: names, quotes, commas and spaces only (it lands in CSS and xterm options). */
const fontFamily = z
  .string()
  .trim()
  .max(200, 'font list is too long')
  .regex(/^[\w\s,'"-]*$/, 'a font list is names separated by commas');

/** A shell as a command line, e.g. "/bin/bash -l"; empty means "detect (bash, ash, sh)". */
const shellLine = z
  .string()
  .trim()
  .max(200, 'shell command is too long')
  .regex(/^[\w\s./=-]*$/, 'a shell is a path with optional arguments, e.g. /bin/bash -l');

/**
 * Every field of the settings, each with its default. Each field falls back to its default on
 * its own when a stored value is invalid, so one bad value never costs the others.
 */
export const settingsFields = {
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** Base UI font size in px. */
  fontSize: z.number().int().min(11, 'font size is 11-18').max(18, 'font size is 11-18').default(13),
  density: z.enum(['comfortable', 'compact']).default('comfortable'),
  /** Lines a log view keeps in memory before dropping the oldest. */
  logBufferLines: z
    .number()
    .int()
    .min(1_000, 'keep at least 1,000 lines')
    .max(2_000_000, 'at most 2,000,000 lines')
    .default(200_000),
  terminalScrollback: z
    .number()
    .int()
    .min(100, 'at least 100 lines')
    .max(100_000, 'at most 100,000 lines')
    .default(5_000),
  terminalFontFamily: fontFamily.default(''),
  terminalFontSize: z.number().int().min(8, 'font size is 8-32').max(32, 'font size is 8-32').default(13),
  defaultShell: shellLine.default(''),
  notifications: z.boolean().default(true),
  /** When a destructive action asks to type the object's name: production hosts only, or always. */
  typedConfirmation: z.enum(['production', 'always']).default('production'),
  /** Engine requests the API log keeps per host (memory only); 0 records nothing. */
  apiLogEntries: z
    .number()
    .int()
    .min(0, 'at least 0 (0 turns the API log off)')
    .max(20_000, 'at most 20,000 requests per host')
    .default(2_000),
  /**
   * Streams (logs, stats, events, terminals…) one window may hold open at once: each can hold
   * an engine connection, so a runaway or hostile page cannot open thousands.
   */
  maxStreamsPerWindow: z
    .number()
    .int()
    .min(10, 'at least 10 streams')
    .max(10_000, 'at most 10,000 streams')
    .default(100),
  /** MiB of uploads staged in the temporary folder at once (all uploads together). */
  maxUploadMiB: z
    .number()
    .int()
    .min(1, 'at least 1 MiB')
    .max(1024 * 1024, 'at most 1 TiB')
    .default(4096),
};

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  ...settingsFields,
});
export type Settings = z.output<typeof settingsSchema>;

export const settingsPatchSchema = z.strictObject({
  theme: settingsFields.theme.unwrap().optional(),
  fontSize: settingsFields.fontSize.unwrap().optional(),
  density: settingsFields.density.unwrap().optional(),
  logBufferLines: settingsFields.logBufferLines.unwrap().optional(),
  terminalScrollback: settingsFields.terminalScrollback.unwrap().optional(),
  terminalFontFamily: settingsFields.terminalFontFamily.unwrap().optional(),
  terminalFontSize: settingsFields.terminalFontSize.unwrap().optional(),
  defaultShell: settingsFields.defaultShell.unwrap().optional(),
  notifications: settingsFields.notifications.unwrap().optional(),
  typedConfirmation: settingsFields.typedConfirmation.unwrap().optional(),
  apiLogEntries: settingsFields.apiLogEntries.unwrap().optional(),
  maxStreamsPerWindow: settingsFields.maxStreamsPerWindow.unwrap().optional(),
  maxUploadMiB: settingsFields.maxUploadMiB.unwrap().optional(),
});
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export interface SettingsState {
  settings: Settings;
  /** The folder holding hosts.json, settings.json, the audit log. */
  dataDir: string;
  /** Something the user should know, e.g. a settings file from a newer Berthmaster left untouched. */
  notice?: string;
}

export const settingsContract = {
  get: call<SettingsState>()(z.strictObject({})),
  update: call<SettingsState>()(settingsPatchSchema),
};
