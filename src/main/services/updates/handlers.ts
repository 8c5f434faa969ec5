import type { Contract } from '@shared/contract';
import type { AppContext } from '../../app/app-context';
import type { Handlers } from '../../rpc/handlers';
import { updatesFor } from './updates-service';

/** Binds the updates namespace: checks against the registries and safe updates. */
export function updatesHandlers(ctx: AppContext): Handlers<Contract>['updates'] {
  const service = () => updatesFor(ctx);
  return {
    status: () => service().checker.snapshot(),
    check: ({ hostIds, force }, { signal }) => service().check(hostIds, force, signal),
    watch: (_params, sink) => {
      sink.emit(service().checker.snapshot());
      return service().checker.subscribe((snap) => sink.emit(snap));
    },
    preflight: ({ target }, { signal }) => service().preflight(target, signal),
    apply: ({ target, allowNoRollback }, { signal }) => service().apply(target, allowNoRollback, signal),
  };
}
