import { settingsSchema, SETTINGS_VERSION, type Settings } from '@shared/contract';
import { readStored, writeStored } from './storage';
import { applyTheme } from './theme';

/**
 * The settings as last loaded, for code that reads them at the moment it needs them (a new log
 * view's buffer, a new terminal's font) without subscribing to a store.
 */
let current: Settings = settingsSchema.parse({ version: SETTINGS_VERSION });

export function currentSettings(): Settings {
  return current;
}

const THEME_KEY = 'berthmaster.theme';

/** Puts the appearance settings on <html>: data-theme (light or dark, 'system' resolved), size, density. */
export function applyAppearance(s: Pick<Settings, 'theme' | 'fontSize' | 'density'>): void {
  const root = document.documentElement;
  applyTheme(s.theme);
  root.dataset.density = s.density;
  root.style.setProperty('--ui-font-size', `${s.fontSize}px`);
  // Remembered locally too, so the next start paints in the right theme before settings arrive.
  writeStored(THEME_KEY, s.theme);
}

export function setCurrentSettings(s: Settings): void {
  current = s;
  applyAppearance(s);
}

/** At startup, before the backend answers: the theme the app had last time. */
export function applyRememberedTheme(): void {
  const t = readStored(THEME_KEY);
  applyTheme(t === 'light' || t === 'dark' ? t : 'system');
}
