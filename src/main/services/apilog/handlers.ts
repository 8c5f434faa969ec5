import { AppError, type ApiLogEntry, type ApiTargetInfo, type Contract } from '@shared/contract';
import { dockerRunCommand } from '@shared/apilog/copy-as/docker-run';
import { toAppError } from '../../errors/to-app-error';
import type { AppContext } from '../../app/app-context';
import type { Handlers } from '../../rpc/handlers';
import { entryMatches } from '../../engine/request-log/api-log-book';
import { checkConsoleRequest, followConsoleRequest, sendConsoleRequest } from './engine-console';
import { exportLog } from './log-export';
import { targetOf } from './target';

/** Binds the apilog namespace: each host's request log, copy-as support and the console. */
export function apilogHandlers(ctx: AppContext): Handlers<Contract>['apilog'] {
  const { hosts } = ctx;
  const book = hosts.apiLog;
  const host = (id: string) => {
    const h = hosts.get(id);
    if (!h) throw new AppError({ code: 'NOT_FOUND', message: `No host with id ${id}.` });
    return h;
  };
  const targetInfo = async (hostId: string): Promise<ApiTargetInfo> => {
    const h = host(hostId);
    const client = await hosts.client(hostId);
    return {
      target: targetOf(h.endpoint, client.apiVersion),
      hostName: h.name,
      policy: h.policy,
      production: h.production,
    };
  };
  return {
    list: (filter) => {
      host(filter.hostId);
      return book.list(filter);
    },
    watch: (filter, sink) => {
      host(filter.hostId);
      sink.emit({ reset: true, entries: book.list(filter) });
      // While the window is full, changes are kept (latest per entry) and sent as one batch.
      let pending = new Map<number, ApiLogEntry>();
      let flushing = false;
      const flush = async () => {
        flushing = true;
        while (pending.size > 0 && !sink.signal.aborted) {
          await sink.writable();
          const batch = [...pending.values()].reverse();
          pending = new Map();
          sink.emit({ reset: false, entries: batch });
        }
        flushing = false;
      };
      return book.subscribe(filter.hostId, (entry) => {
        if (!entryMatches(entry, filter)) return;
        pending.delete(entry.id);
        pending.set(entry.id, { ...entry });
        if (!flushing) void flush();
      });
    },
    details: ({ hostId, id }) => {
      host(hostId);
      return book.details(hostId, id);
    },
    export: async ({ hostId, format, ids }) =>
      exportLog(book.detailsMany(hostId, ids), await targetInfo(hostId), format),
    clear: ({ hostId }) => {
      host(hostId);
      book.clear(hostId);
    },
    target: ({ hostId }) => targetInfo(hostId),
    runCommand: async ({ hostId, id }, { signal }) => {
      const client = await hosts.client(hostId);
      const info = await client.docker.getContainer(id).inspect({ abortSignal: signal });
      return dockerRunCommand(info);
    },
    send: async (input, { signal }) => {
      checkConsoleRequest(host(input.hostId), input);
      const client = await hosts.client(input.hostId);
      const before = book.lastIdNow();
      const res = await sendConsoleRequest(client.docker, input, client.apiVersion, signal);
      const logged = book
        .list({ hostId: input.hostId, limit: 50 })
        .find((e) => e.id > before && e.origin?.method === 'apilog.send');
      if (logged) res.logId = logged.id;
      return res;
    },
    follow: async (input, sink) => {
      try {
        checkConsoleRequest(host(input.hostId), input);
        const client = await hosts.client(input.hostId);
        const dispose = await followConsoleRequest(client.docker, input, sink);
        ctx.audit.recordCall('apilog.follow', input, { ok: true }, hosts);
        return dispose;
      } catch (e) {
        ctx.audit.recordCall('apilog.follow', input, { ok: false, error: toAppError(e) }, hosts);
        throw e;
      }
    },
  };
}
