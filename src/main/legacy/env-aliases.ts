import { LEGACY_ENV_PREFIX } from './old-names';

const PREFIX = 'BERTHMASTER_';

/**
 * An environment where every legacy DOCKHAND_X the user still sets is read as BERTHMASTER_X
 * (a new name set explicitly wins), plus one note per alias so the user can rename them.
 * DOCKHAND_CONFIG_DIR is not aliased: it names a folder to migrate from, not to use.
 */
export function withLegacyEnvAliases(env: NodeJS.ProcessEnv): { env: NodeJS.ProcessEnv; notes: string[] } {
  const out: NodeJS.ProcessEnv = { ...env };
  const notes: string[] = [];
  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith(LEGACY_ENV_PREFIX) || value === undefined) continue;
    const rest = key.slice(LEGACY_ENV_PREFIX.length);
    if (rest === 'CONFIG_DIR') continue;
    const modern = PREFIX + rest;
    if (out[modern] !== undefined) continue;
    out[modern] = value;
    notes.push(`${key} is read as ${modern}; please rename it.`);
  }
  return { env: out, notes };
}
