import type { Contract } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';
import { ExecSessionManager } from './exec-session-manager';

/** Binds the exec namespace to the app's one session manager (sessions outlive views). */
export function execHandlers(
  ctx: Pick<AppContext, 'hosts' | 'onDispose'> & Partial<Pick<AppContext, 'sessions'>>,
): Handlers<Contract>['exec'] {
  const manager = new ExecSessionManager(
    ctx.hosts,
    {
      error: (message, detail) =>
        console.error(`[berthmaster] exec: ${message}`, detail instanceof Error ? detail.message : ''),
    },
    ctx.sessions,
  );
  ctx.onDispose(() => manager.dispose());
  return {
    open: (input, { signal }) => manager.open(input, signal),
    attach: (input, { signal }) => manager.attach(input, signal),
    reopen: ({ sessionId }, { signal }) => manager.reopen(sessionId, signal),
    input: ({ sessionId, data, binary }) => manager.input(sessionId, data, binary === true),
    resize: ({ sessionId, cols, rows }) => manager.resize(sessionId, cols, rows),
    ack: ({ sessionId, viewerId, bytes }) => manager.ack(sessionId, viewerId, bytes),
    close: ({ sessionId }) => manager.close(sessionId),
    list: () => manager.list(),
    output: ({ sessionId }, sink) => manager.subscribe(sessionId, sink),
  };
}
