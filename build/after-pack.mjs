// electron-builder afterPack hook: flips the Electron fuses of the packaged binary before it is
// signed. BERTHMASTER_E2E_BUILD=1 keeps --inspect for Playwright; a release build never does.
import path from 'node:path';
import fuses from '@electron/fuses';
import { fuseConfig, fuseSettings } from './fuses.mjs';

const ARCHES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** @param {{ appOutDir: string, electronPlatformName: string, arch: number, packager: { appInfo: { productFilename: string }, executableName?: string } }} context */
export default async function afterPack(context) {
  const platform = context.electronPlatformName;
  const name = context.packager.appInfo.productFilename;
  const binary =
    platform === 'darwin' || platform === 'mas'
      ? path.join(context.appOutDir, `${name}.app`)
      : platform === 'win32'
        ? path.join(context.appOutDir, `${name}.exe`)
        : path.join(context.appOutDir, context.packager.executableName ?? name.toLowerCase());
  const settings = fuseSettings({ e2e: process.env.BERTHMASTER_E2E_BUILD === '1' });
  const arch = ARCHES[context.arch] ?? 'x64';
  await fuses.flipFuses(binary, /** @type {never} */ (fuseConfig(settings, { platform, arch })));
}
