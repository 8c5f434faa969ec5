import { useEffect } from 'react';
import { converging, SWARM_POLL_BUSY_MS, SWARM_POLL_IDLE_MS } from '../lib/swarm-poll';
import type { CallName } from '../lib/method-types';
import {
  EMPTY_HOST_SWARM,
  EMPTY_HOST_SWARM_OBJECTS,
  useSwarmObjectsStore,
  useSwarmStore,
  type HostSwarm,
  type HostSwarmObjects,
} from '../stores/swarm';
import { useMutation, type MutationOptions } from './useMutation';

/**
 * The cluster as one host sees it (stores/swarm.ts): fetched when the view opens, refetched on the
 * engine's swarm events, and polled while the window is visible, more often while converging
 * (tasks on other nodes send this host no events; see lib/swarm-poll.ts).
 */
export function useSwarm(hostId: string): HostSwarm & { refresh(): Promise<void> } {
  const slice = useSwarmStore((s) => s.byHost[hostId]);
  const data = slice ?? { ...EMPTY_HOST_SWARM, loading: true };
  const busy = converging(data.services, data.tasks);
  useEffect(() => {
    const fetch = () => useSwarmStore.getState().fetch(hostId);
    void fetch();
    const t = window.setInterval(
      () => {
        if (document.visibilityState === 'visible') void fetch();
      },
      busy ? SWARM_POLL_BUSY_MS : SWARM_POLL_IDLE_MS,
    );
    return () => window.clearInterval(t);
  }, [hostId, busy]);
  return { ...data, refresh: () => useSwarmStore.getState().fetch(hostId) };
}

/** A manager's stacks, secrets and configs, fetched when a panel that shows them opens. */
export function useSwarmObjects(hostId: string): HostSwarmObjects {
  const slice = useSwarmObjectsStore((s) => s.byHost[hostId]);
  useEffect(() => {
    void useSwarmObjectsStore.getState().fetch(hostId);
  }, [hostId]);
  return slice ?? EMPTY_HOST_SWARM_OBJECTS;
}

/** Refetches everything the swarm view shows of a host (after a change made from it). */
export async function refetchSwarm(hostId: string): Promise<void> {
  const objects = useSwarmObjectsStore.getState();
  await Promise.all([
    useSwarmStore.getState().fetch(hostId),
    objects.byHost[hostId] ? objects.fetch(hostId) : undefined,
  ]);
}

/** useMutation for a swarm call on one host: toasts, then refetches the swarm view's data. */
export function useSwarmMutation<K extends CallName>(
  method: K,
  hostId: string,
  options: Omit<MutationOptions<K>, 'refetch'> = {},
) {
  return useMutation(method, { ...options, refetch: () => refetchSwarm(hostId) });
}
