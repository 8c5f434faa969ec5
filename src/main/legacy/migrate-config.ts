import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LEGACY_APP_DIR_NAME, LEGACY_PRODUCT_NAME } from './old-names';

/** Written last into the new folder: its presence means the migration happened (or was judged). */
export const MIGRATION_MARKER = 'migrated-from-dockhand.json';

/** Files whose presence means a folder already holds this app's configuration. */
const CONFIG_FILES = ['hosts.json', 'settings.json', 'registries.json', 'secrets.key', 'audit.jsonl'];

export interface MigrationInput {
  /** The folder Berthmaster will use. */
  target: string;
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  homeDir?: string;
  log: (msg: string) => void;
}

export interface MigrationResult {
  migrated: boolean;
  from?: string;
  /** Why nothing was copied, when there was a legacy folder. */
  skipped?: string;
  /** Some secrets were sealed by the OS keychain under the old product name. */
  keychainSealed?: boolean;
}

/** Where the old app kept its files, by the same rules it used. */
export function legacyConfigDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  home = os.homedir(),
): string {
  if (env.DOCKHAND_CONFIG_DIR) return path.resolve(env.DOCKHAND_CONFIG_DIR);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', LEGACY_APP_DIR_NAME);
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), LEGACY_APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), LEGACY_APP_DIR_NAME);
}

const holdsConfig = (dir: string) => CONFIG_FILES.some((f) => fs.existsSync(path.join(dir, f)));

function sealedByKeychain(dir: string): boolean {
  for (const f of ['hosts.json', 'registries.json']) {
    const file = path.join(dir, f);
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes('"safestorage:v1:')) return true;
  }
  return false;
}

/**
 * Copies a Dockhand config folder into Berthmaster's, once. The copy is made in a sibling
 * folder and then renamed into place entry by entry (renames are atomic on one filesystem),
 * with the marker last, so a crash mid-way leaves either no migration (it runs again) or a
 * complete one. The old folder is left as it was: a user who goes back loses nothing.
 */
export function migrateLegacyConfig(input: MigrationInput): MigrationResult {
  const { target, log } = input;
  const from = legacyConfigDir(input.env, input.platform, input.homeDir);
  if (path.resolve(from) === path.resolve(target)) return { migrated: false };
  if (!fs.existsSync(from) || !holdsConfig(from)) return { migrated: false };
  if (fs.existsSync(path.join(target, MIGRATION_MARKER))) return { migrated: false, from };
  if (fs.existsSync(target) && holdsConfig(target)) {
    const skipped = `${target} already holds a configuration; ${from} was left alone.`;
    log(`Not migrating the ${LEGACY_PRODUCT_NAME} configuration: ${skipped}`);
    return { migrated: false, from, skipped };
  }

  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staging = fs.mkdtempSync(`${target}.migrating-`);
  try {
    fs.cpSync(from, staging, { recursive: true, preserveTimestamps: true, errorOnExist: false });
    fs.mkdirSync(target, { recursive: true, mode: 0o700 });
    for (const entry of fs.readdirSync(staging)) {
      const dest = path.join(target, entry);
      // Electron may have made its own files (Local State...) before this ran: those stay.
      if (fs.existsSync(dest)) continue;
      fs.renameSync(path.join(staging, entry), dest);
    }
    const keychainSealed = sealedByKeychain(target);
    const marker = { from, at: new Date().toISOString(), keychainSealed };
    const tmp = path.join(target, `${MIGRATION_MARKER}.tmp`);
    fs.writeFileSync(tmp, JSON.stringify(marker, null, 2) + '\n', { mode: 0o600 });
    fs.renameSync(tmp, path.join(target, MIGRATION_MARKER));
    log(
      `Migrated the ${LEGACY_PRODUCT_NAME} configuration from ${from} to ${target} (hosts, secrets, settings, registries, audit log, known hosts); the old folder was left in place.`,
    );
    return { migrated: true, from, keychainSealed };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * The name the OS keychain knows the sealing key by, when secrets were sealed before the
 * rename (Electron names its Keychain/libsecret entry after the app): the Electron shell sets
 * the app name to it before `ready`, so those secrets still open.
 */
export function legacyKeychainName(configDir: string): string | undefined {
  try {
    const marker = JSON.parse(fs.readFileSync(path.join(configDir, MIGRATION_MARKER), 'utf8')) as {
      keychainSealed?: boolean;
    };
    return marker.keychainSealed ? LEGACY_PRODUCT_NAME : undefined;
  } catch {
    return undefined;
  }
}
