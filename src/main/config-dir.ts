import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'Berthmaster';

/** Same folder Electron's app.getPath('userData') gives, so both modes share hosts. */
export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.BERTHMASTER_CONFIG_DIR) return path.resolve(env.BERTHMASTER_CONFIG_DIR);
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME);
}
