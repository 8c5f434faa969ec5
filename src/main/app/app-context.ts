import type { EventFeeds } from '../services/events/event-feed';
import type { HostService } from '../services/hosts/host-service';
import type { MenuCommands } from '../services/app/menu-commands';
import type { AuditLog } from '../security/audit-log';
import type { SecretBox } from '../security/secret-box';
import type { SessionHosts } from '../security/session-hosts';
import type { SettingsStore } from '../services/settings/settings-store';

/** What every namespace's handlers get: hosts, their live events, and a hook to clean up at shutdown. */
export interface AppContext {
  hosts: HostService;
  /** One engine events stream per connected host, shared by every consumer. */
  events: EventFeeds;
  /** Seals secrets at rest (hosts' keys, registry passwords); absent in unit tests. */
  secrets?: SecretBox;
  /** Every mutating call, recorded by the dispatcher. */
  audit: AuditLog;
  /** Where Berthmaster keeps its files (hosts, registry logins); absent in unit tests. */
  configDir?: string;
  /** The user's home (for ~/.docker/config.json); defaults to os.homedir(). */
  homeDir?: string;
  /** The environment Berthmaster started with (DOCKER_CONFIG, SSH_AUTH_SOCK...); defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Opens an http(s) link in the system browser (Electron only; guarded by an allow-list). */
  openExternal?: (url: string) => Promise<void>;
  /** The app menu's commands for the windows (Electron); absent in unit tests. */
  menu?: MenuCommands;
  /** The host of every live terminal and upload (the policy guard judges session calls by it). */
  sessions?: SessionHosts;
  /** The user's settings (limits are read from it per request); absent in unit tests. */
  settings?: SettingsStore;
  /** Registers cleanup that runs when the backend is disposed (app quit, test teardown). */
  onDispose(fn: () => void): void;
}
