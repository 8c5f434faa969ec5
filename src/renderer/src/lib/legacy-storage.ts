/**
 * The product was called Dockhand: its renderer kept preferences (theme, tabs, filters, shell
 * choices) under "dockhand." keys. They move to "berthmaster." once, before any store reads
 * them, which is why main.tsx imports this module first. A key already set under the new name wins.
 */
const LEGACY_PREFIX = 'dockhand.';
const PREFIX = 'berthmaster.';

export function migrateLegacyStorage(storage: Storage): number {
  const legacy: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(LEGACY_PREFIX)) legacy.push(key);
  }
  for (const key of legacy) {
    const modern = PREFIX + key.slice(LEGACY_PREFIX.length);
    const value = storage.getItem(key);
    if (value !== null && storage.getItem(modern) === null) storage.setItem(modern, value);
    storage.removeItem(key);
  }
  return legacy.length;
}

try {
  if (typeof localStorage !== 'undefined') migrateLegacyStorage(localStorage);
} catch {
  // Storage disabled (private mode): there is nothing to migrate.
}
