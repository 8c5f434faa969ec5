import { useMemo } from 'react';
import type { HostPolicy } from '@shared/contract';
import { useHostsStore } from '../stores/hosts';
import { ALLOWED, checkPolicy, type Verdict } from '../lib/policy';

export interface HostPolicyView {
  policy: HostPolicy;
  production: boolean;
  /** {ok:true} or {ok:false, reason} for a contract method on this host. */
  allowed(method: string, input?: unknown): Verdict;
}

const UNKNOWN_HOST: HostPolicyView = { policy: 'full', production: false, allowed: () => ALLOWED };

/**
 * A host's policy for the UI. Selects only primitives from the store, so a component re-renders
 * when this host's policy changes, not on every status update. An unknown host (or none) allows
 * everything here: main still refuses what the real policy forbids.
 */
export function usePolicy(hostId: string | undefined): HostPolicyView {
  const policy = useHostsStore((s) => s.hosts.find((h) => h.id === hostId)?.policy);
  const production = useHostsStore((s) => s.hosts.find((h) => h.id === hostId)?.production ?? false);
  return useMemo(
    () =>
      policy
        ? { policy, production, allowed: (method, input) => checkPolicy(policy, method, input) }
        : UNKNOWN_HOST,
    [policy, production],
  );
}

/**
 * The policy of the selected host: for views that only ever show that host (its images,
 * networks, volumes, disk usage) and do not carry a host id down to every row.
 */
export function useSelectedPolicy(): HostPolicyView {
  return usePolicy(useHostsStore((s) => s.selectedHostId));
}
