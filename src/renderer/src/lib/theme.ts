import type { Settings } from '@shared/contract';

type Theme = Settings['theme'];

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Stops following the system's scheme (set while the theme is 'system'). */
let unfollow: (() => void) | undefined;

const systemTheme = (query: MediaQueryList | undefined): 'light' | 'dark' =>
  query?.matches ? 'dark' : 'light';

/**
 * Puts the theme on <html data-theme>, always as 'light' or 'dark': the stylesheets hold one dark
 * palette, under [data-theme='dark'], so 'system' is resolved here from prefers-color-scheme and
 * kept in step with it (the OS switching to dark at dusk repaints the app) until another theme is set.
 */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  unfollow?.();
  unfollow = undefined;
  if (theme !== 'system') {
    root.dataset.theme = theme;
    return;
  }
  const query = typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : undefined;
  root.dataset.theme = systemTheme(query);
  if (!query) return;
  const onChange = () => (root.dataset.theme = systemTheme(query));
  query.addEventListener('change', onChange);
  unfollow = () => query.removeEventListener('change', onChange);
}
