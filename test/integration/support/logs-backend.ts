import { contract } from '@shared/contract';
import type { AppContext } from '../../../src/main/app/app-context';
import { toAppError } from '../../../src/main/errors/to-app-error';
import { createDispatcher } from '../../../src/main/rpc/dispatcher';
import { EventFeeds } from '../../../src/main/services/events/event-feed';
import { HostService } from '../../../src/main/services/hosts/host-service';
import { hostsHandlers } from '../../../src/main/services/hosts/handlers';
import { logsHandlers } from '../../../src/main/services/logs/handlers';
import { statsHandlers } from '../../../src/main/services/stats/handlers';

/**
 * The real backend reduced to the namespaces the log and stats tests use (hosts, logs, stats),
 * wired exactly as src/main/app/backend.ts wires them, so these tests don't depend on every other
 * namespace's handlers being complete.
 */
export async function createLogsBackend(opts: { configDir: string; homeDir: string }) {
  const log = { info: () => undefined, error: () => undefined };
  const hosts = new HostService({ configDir: opts.configDir, env: {}, homeDir: opts.homeDir, log });
  await hosts.init();
  // Followed logs wait on engine events to carry on after their container restarts.
  const events = new EventFeeds(hosts);
  const cleanups: Array<() => void> = [() => events.dispose()];
  const ctx = {
    hosts,
    events,
    onDispose: (fn: () => void) => {
      cleanups.push(fn);
    },
  };
  const dispatcher = createDispatcher({
    contract: { hosts: contract.hosts, logs: contract.logs, stats: contract.stats },
    // hostsHandlers reads only `hosts` from its context.
    handlers: { hosts: hostsHandlers(ctx as AppContext), logs: logsHandlers(ctx), stats: statsHandlers(ctx) },
    mapError: (e) => toAppError(e),
    log,
  });
  return {
    dispatcher,
    dispose() {
      for (const fn of cleanups.splice(0).reverse()) fn();
      hosts.dispose();
    },
  };
}
