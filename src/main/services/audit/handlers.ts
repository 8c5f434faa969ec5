import type { Contract } from '@shared/contract';
import type { AppContext } from '../../app/app-context';
import type { Handlers } from '../../rpc/handlers';

/** Binds the audit namespace: read access to the log of mutating calls. */
export function auditHandlers({ audit }: AppContext): Handlers<Contract>['audit'] {
  return {
    list: ({ limit }) => audit.list(limit),
    watch: ({ limit }, sink) => {
      sink.emit({ reset: true, entries: audit.list(limit) });
      return audit.subscribe((entry) => void sink.emit({ reset: false, entries: [entry] }));
    },
  };
}
