import type { Contract } from '@shared/contract';
import { policyAllows } from '@shared/policy/method-access';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';
import { toAppError } from '../../errors/to-app-error';
import { searchObjects } from './search-service';

/** Binds the search namespace: one search over every host the user may read. */
export function searchHandlers({ hosts }: AppContext): Handlers<Contract>['search'] {
  return {
    objects: (input, ctx) =>
      searchObjects(
        {
          // The dispatcher's policy guard only sees calls that name a host; this one spans them
          // all, so it applies the same rule itself, per host.
          hosts: () => hosts.list().map((h) => ({ id: h.id, readable: policyAllows(h.policy, 'read') })),
          client: (id) => hosts.client(id),
        },
        input,
        { signal: ctx.signal, mapError: (e) => toAppError(e) },
      ),
  };
}
