import { contract } from '@shared/contract';
import { toAppError } from '../errors/to-app-error';
import { createDispatcher } from '../rpc/dispatcher';
import { MenuCommands } from '../services/app/menu-commands';
import { EventFeeds } from '../services/events/event-feed';
import { HostService } from '../services/hosts/host-service';
import { fileKeySecretBox, type SecretBox } from '../security/secret-box';
import { AuditLog } from '../security/audit-log';
import { firstHostFromEnvironment } from '../services/contexts/first-host';
import { SettingsStore } from '../services/settings/settings-store';
import { consoleLog } from './console-log';
import { createPolicyGuard } from '../security/policy-guard';
import { SessionHosts } from '../security/session-hosts';
import { silenceSecretDebug } from '../security/quiet-debug';
import type { AppContext } from './app-context';
import { startFleetWatch } from './fleet-watch';
import { createHandlers } from './handlers';

export interface BackendOptions {
  configDir: string;
  env?: NodeJS.ProcessEnv;
  homeDir?: string;
  log?: { info(msg: string): void; error(msg: string, detail?: unknown): void };
  /** How secrets are sealed on disk: the OS keychain in Electron, a 0600 key file otherwise. */
  secrets?: SecretBox;
  /** Electron's shell.openExternal behind the http(s) allow-list; absent in browser mode. */
  openExternal?: (url: string) => Promise<void>;
}

/** Services plus the dispatcher: everything except a transport. Shared by Electron and web mode. */
export async function createBackend(opts: BackendOptions) {
  const log = opts.log ?? consoleLog;
  // DEBUG=modem (or *) would print TLS keys and registry auth headers: never from Berthmaster.
  silenceSecretDebug();
  const hostOpts: ConstructorParameters<typeof HostService>[0] = {
    configDir: opts.configDir,
    env: opts.env ?? process.env,
    log,
    firstHost: firstHostFromEnvironment,
  };
  if (opts.homeDir) hostOpts.homeDir = opts.homeDir;
  const secrets = opts.secrets ?? fileKeySecretBox(opts.configDir);
  hostOpts.secrets = secrets;
  const hosts = new HostService(hostOpts);
  await hosts.init();
  const events = new EventFeeds(hosts);
  const audit = new AuditLog(opts.configDir);
  await audit.load().catch((e: unknown) => log.error('the audit log could not be read', e));
  const menu = new MenuCommands();
  const sessions = new SessionHosts();
  const settings = new SettingsStore(opts.configDir);
  await settings.get().catch((e: unknown) => log.error('the settings could not be read', e));
  const cleanups: Array<() => void> = [() => events.dispose(), hosts.watch((s) => sessions.onHosts(s))];
  const ctx: AppContext = {
    hosts,
    events,
    audit,
    secrets,
    configDir: opts.configDir,
    env: hostOpts.env,
    ...(opts.homeDir ? { homeDir: opts.homeDir } : {}),
    ...(opts.openExternal ? { openExternal: opts.openExternal } : {}),
    menu,
    sessions,
    settings,
    onDispose: (fn) => cleanups.push(fn),
  };
  const dispatcher = createDispatcher({
    contract,
    handlers: createHandlers(ctx),
    maxSubscriptions: () => settings.current().maxStreamsPerWindow,
    mapError: (e) => toAppError(e),
    log,
    authorize: createPolicyGuard(hosts, { sessionHostOf: (id) => sessions.hostOf(id) }),
    onCallSettled: (method, input, outcome) => audit.recordCall(method, input, outcome, hosts),
  });
  startFleetWatch(ctx);
  return {
    hosts,
    events,
    audit,
    menu,
    sessions,
    dispatcher,
    dispose: () => {
      for (const fn of cleanups.splice(0).reverse()) {
        try {
          fn();
        } catch (e) {
          log.error('cleanup failed', e);
        }
      }
      hosts.dispose();
    },
  };
}

export type Backend = Awaited<ReturnType<typeof createBackend>>;
