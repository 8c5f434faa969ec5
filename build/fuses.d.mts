export interface FuseSettings {
  RunAsNode: boolean;
  EnableNodeOptionsEnvironmentVariable: boolean;
  EnableNodeCliInspectArguments: boolean;
  OnlyLoadAppFromAsar: boolean;
  EnableEmbeddedAsarIntegrityValidation: boolean;
  EnableCookieEncryption: boolean;
  LoadBrowserProcessSpecificV8Snapshot: boolean;
  GrantFileProtocolExtraPrivileges: boolean;
}

export function fuseSettings(options?: { e2e?: boolean }): FuseSettings;

export function fuseConfig(
  settings: FuseSettings,
  target: { platform: string; arch: string },
): Record<string | number, unknown>;
