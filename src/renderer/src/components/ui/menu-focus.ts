/**
 * Arrow keys in a menu: Down and Up move the focus to the next or previous of `items`, wrapping
 * around. Returns whether the key was one of them (the caller then prevents the page scrolling).
 */
export function focusByArrow(key: string, items: readonly HTMLElement[]): boolean {
  if (key !== 'ArrowDown' && key !== 'ArrowUp') return false;
  const i = items.indexOf(document.activeElement as HTMLElement);
  const step = key === 'ArrowDown' ? 1 : -1;
  items[(i + step + items.length) % items.length]?.focus();
  return true;
}
