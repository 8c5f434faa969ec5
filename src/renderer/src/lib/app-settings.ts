import { settingsSchema, SETTINGS_VERSION, type Settings } from '@shared/contract';
import { readStored, writeStored } from './storage';

/**
 * The settings as last loaded, for code that reads them at the moment it needs them (a new log
 * view's buffer, a new terminal's font) without subscribing to a store.
 */
let current: Settings = settingsSchema.parse({ version: SETTINGS_VERSION });

export function currentSettings(): Settings {
  return current;
}

const THEME_KEY = 'dockhand.theme';

/** Puts the appearance settings on <html>: data-theme (absent = follow the system), size, density. */
export function applyAppearance(s: Pick<Settings, 'theme' | 'fontSize' | 'density'>): void {
  const root = document.documentElement;
  if (s.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = s.theme;
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
  if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
}
