import { AppError } from '@shared/contract';
import type { HostService } from '../services/hosts/host-service';
import { ACCESS_VERBS, accessOf, policyAllows } from '@shared/policy/method-access';

/**
 * The dispatcher's authorize hook: a host's policy decides before any engine call. Methods that
 * name no host (app settings) pass; unknown methods fail closed on limited hosts.
 */
export function createPolicyGuard(hosts: HostService) {
  return (method: string, input: unknown): void => {
    const hostId = (input as { hostId?: unknown } | null)?.hostId;
    if (typeof hostId !== 'string') return;
    const host = hosts.get(hostId);
    if (!host || host.policy === 'full') return;
    const access = accessOf(method, input);
    if (access && policyAllows(host.policy, access)) return;
    throw new AppError({
      code: 'PERMISSION_DENIED',
      message: `The policy of ${host.name} (${host.policy}) does not allow ${access ? ACCESS_VERBS[access] : method}.`,
      data: { method, policy: host.policy },
    });
  };
}
