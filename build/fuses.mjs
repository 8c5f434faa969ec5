// Electron fuses for packaged builds: which Electron features the shipped binary keeps.
// Pure (no I/O) so a unit test can assert the release table; after-pack.mjs applies it.
import fuses from '@electron/fuses';

const { FuseV1Options, FuseVersion } = fuses;

/**
 * The fuse table. `e2e` is for a build Playwright drives through `_electron`: it needs
 * --inspect, and differs from the release build in that one fuse only.
 * @param {{ e2e?: boolean }} [options]
 * @returns {import('./fuses.d.mts').FuseSettings}
 */
export function fuseSettings(options = {}) {
  return {
    // ELECTRON_RUN_AS_NODE would turn the app into a plain, signed Node interpreter.
    RunAsNode: false,
    // NODE_OPTIONS=--require=... would run foreign code inside the main process.
    EnableNodeOptionsEnvironmentVariable: false,
    // --inspect / SIGUSR1 would hand a debugger (and every engine key) to whoever starts the app.
    EnableNodeCliInspectArguments: options.e2e === true,
    // Code comes only from the app.asar that electron-builder hashed, never from a loose folder.
    OnlyLoadAppFromAsar: true,
    EnableEmbeddedAsarIntegrityValidation: true,
    EnableCookieEncryption: true,
    LoadBrowserProcessSpecificV8Snapshot: false,
    // Kept on: the renderer is loaded from file:// (out/renderer/index.html) and needs its
    // same-folder scripts; navigation away and fetches elsewhere are blocked by the CSP.
    GrantFileProtocolExtraPrivileges: true,
  };
}

/**
 * The config @electron/fuses flips, for one packaged binary.
 * @param {import('./fuses.d.mts').FuseSettings} settings
 * @param {{ platform: string, arch: string }} target
 */
export function fuseConfig(settings, target) {
  /** @type {Record<string, unknown>} */
  const config = {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    // Flipping fuses breaks an arm64 macOS ad-hoc signature; re-sign it (real signing comes later).
    resetAdHocDarwinSignature: target.platform === 'darwin' && target.arch === 'arm64',
  };
  for (const [name, value] of Object.entries(settings)) {
    const index = FuseV1Options[/** @type {keyof typeof FuseV1Options} */ (name)];
    if (index === undefined) throw new Error(`Unknown Electron fuse: ${name}`);
    config[index] = value;
  }
  return config;
}
