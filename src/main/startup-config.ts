import { defaultConfigDir } from './config-dir';
import { withLegacyEnvAliases } from './legacy/env-aliases';
import { legacyKeychainName, migrateLegacyConfig } from './legacy/migrate-config';

export interface StartupConfig {
  configDir: string;
  /** Set when secrets were sealed by the OS keychain under the product's old name. */
  keychainName?: string;
}

/**
 * Run once at process start, before anything reads the environment or the config folder:
 * legacy environment variables are honoured (with a note), the config folder is chosen and an
 * old one is migrated into it.
 */
export function prepareStartupConfig(
  log: (msg: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): StartupConfig {
  const aliased = withLegacyEnvAliases(env);
  for (const [k, v] of Object.entries(aliased.env)) if (env[k] === undefined && v !== undefined) env[k] = v;
  for (const note of aliased.notes) log(note);
  const configDir = defaultConfigDir(env);
  migrateLegacyConfig({ target: configDir, env, log });
  const keychainName = legacyKeychainName(configDir);
  return keychainName ? { configDir, keychainName } : { configDir };
}
