import { contract } from '@shared/contract';
import { toAppError } from '../errors/to-app-error';
import { createDispatcher } from '../rpc/dispatcher';
import { EventFeeds } from '../services/events/event-feed';
import { HostService } from '../services/hosts/host-service';
import { createHandlers } from './handlers';

export interface BackendOptions {
  configDir: string;
  env?: NodeJS.ProcessEnv;
  homeDir?: string;
  log?: { info(msg: string): void; error(msg: string, detail?: unknown): void };
}

const consoleLog = {
  info: (msg: string) => console.log(`[dockhand] ${msg}`),
  error: (msg: string, detail?: unknown) =>
    console.error(`[dockhand] ${msg}`, detail instanceof Error ? detail.message : (detail ?? '')),
};

/** Services plus the dispatcher: everything except a transport. Shared by Electron and web mode. */
export async function createBackend(opts: BackendOptions) {
  const log = opts.log ?? consoleLog;
  const hostOpts: ConstructorParameters<typeof HostService>[0] = {
    configDir: opts.configDir,
    env: opts.env ?? process.env,
    log,
  };
  if (opts.homeDir) hostOpts.homeDir = opts.homeDir;
  const hosts = new HostService(hostOpts);
  await hosts.init();
  const events = new EventFeeds(hosts);
  const cleanups: Array<() => void> = [() => events.dispose()];
  const dispatcher = createDispatcher({
    contract,
    handlers: createHandlers({ hosts, events, onDispose: (fn) => cleanups.push(fn) }),
    mapError: (e) => toAppError(e),
    log,
  });
  return {
    hosts,
    events,
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
