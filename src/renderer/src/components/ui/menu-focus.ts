import type { KeyboardEvent } from 'react';

const ITEMS = '[role="menuitem"]:not([disabled])';

/** The items of a menu that can take the focus. */
export function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return [...(menu?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
}

/** Focuses a menu's first item (a menu opens with its focus inside). */
export function focusFirstItem(menu: HTMLElement | null): void {
  menuItems(menu)[0]?.focus();
}

/**
 * ArrowDown and ArrowUp move the focus through a menu's items, round the ends. Returns whether
 * the key was one of theirs (then it is handled).
 */
export function moveMenuFocus(e: KeyboardEvent, menu: HTMLElement | null): boolean {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return false;
  e.preventDefault();
  const items = menuItems(menu);
  const i = items.indexOf(document.activeElement as HTMLElement);
  items[(i + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
  return true;
}
