import type {
  AppErrorShape,
  ContainerBulkAction,
  ContainerBulkItem,
  ContainerSignal,
} from '@shared/contract';
import type { ContainerService, Signal } from './container-service';

export interface BulkOptions {
  force: boolean;
  volumes: boolean;
  signal: ContainerSignal;
  timeoutSec?: number | undefined;
}

/** How many containers are worked on at once: enough to be quick, few enough not to swamp an engine. */
export const BULK_CONCURRENCY = 6;

function runOne(
  svc: ContainerService,
  action: ContainerBulkAction,
  id: string,
  o: BulkOptions,
  ctx: Signal,
): Promise<void> {
  switch (action) {
    case 'start':
      return svc.start(id, ctx);
    case 'stop':
      return svc.stop(id, o.timeoutSec, ctx);
    case 'restart':
      return svc.restart(id, o.timeoutSec, ctx);
    case 'pause':
      return svc.pause(id, ctx);
    case 'unpause':
      return svc.unpause(id, ctx);
    case 'kill':
      return svc.kill(id, o.signal, ctx);
    case 'remove':
      return svc.remove(id, o.force, o.volumes, ctx);
  }
}

/**
 * Applies one action to many containers, a few at a time, and reports each one: a failure is
 * recorded next to its container and never stops the others. Results keep the order of `ids`.
 */
export async function runBulk(
  svc: ContainerService,
  action: ContainerBulkAction,
  ids: readonly string[],
  opts: BulkOptions,
  ctx: Signal,
  toError: (e: unknown) => AppErrorShape,
): Promise<ContainerBulkItem[]> {
  const results: ContainerBulkItem[] = new Array<ContainerBulkItem>(ids.length);
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const i = next++;
      const id = ids[i] as string;
      if (ctx.signal.aborted) {
        results[i] = { id, ok: false, error: toError(ctx.signal.reason ?? new Error('cancelled')) };
        continue;
      }
      try {
        await runOne(svc, action, id, opts, ctx);
        results[i] = { id, ok: true };
      } catch (e) {
        results[i] = { id, ok: false, error: toError(e) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, ids.length) }, worker));
  return results;
}
