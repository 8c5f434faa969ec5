import { AppError, type HostPolicy } from '@shared/contract';
import { ACCESS_VERBS, policyAllows } from '@shared/policy/method-access';
import { hostsNamed } from './host-fields';
import { WORKLOAD_BODIES, workloadRefusal } from './workload-bodies';

/** What the guard needs to know of a host. */
export interface GuardedHost {
  name: string;
  policy: HostPolicy;
  allowedBindPaths?: readonly string[];
}

export interface GuardDeps {
  /** The host a live session (terminal, upload) belongs to. */
  sessionHostOf?(id: string): string | undefined;
}

/**
 * The dispatcher's authorize hook: every host a call names (directly, or through its session) is
 * judged by that host's current policy before any engine call, and on a restricted host the
 * workload a call would create is inspected too. Unknown methods fail closed on limited hosts.
 */
export function createPolicyGuard(hosts: { get(id: string): GuardedHost | undefined }, deps: GuardDeps = {}) {
  return (method: string, input: unknown): void => {
    for (const { field, hostId, access } of hostsNamed(method, input, deps.sessionHostOf)) {
      const host = hosts.get(hostId);
      if (!host || host.policy === 'full') continue;
      if (access && policyAllows(host.policy, access)) {
        if (host.policy === 'restricted') inspectWorkload(method, input, host);
        continue;
      }
      const what = access ? ACCESS_VERBS[access] : method;
      const via = field === 'hostId' ? '' : ` (${field})`;
      throw new AppError({
        code: 'PERMISSION_DENIED',
        message: `The policy of ${host.name} (${host.policy}) does not allow ${what}${via}.`,
        data: { method, policy: host.policy, field, hostId },
      });
    }
  };
}

function inspectWorkload(method: string, input: unknown, host: GuardedHost): void {
  const inspect = (WORKLOAD_BODIES as Record<string, (typeof WORKLOAD_BODIES)[keyof typeof WORKLOAD_BODIES]>)[
    method
  ];
  const violations = inspect?.(input, { allowedBindPaths: host.allowedBindPaths ?? [] }) ?? [];
  if (violations.length > 0) throw workloadRefusal(host.name, method, violations);
}
