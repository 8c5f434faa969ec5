import type { SwarmService, SwarmTask } from '@shared/contract';

/**
 * The swarm view re-reads the cluster when this host's engine reports a service, node, secret, config or
 * container change (stores/event-sync.ts). Tasks on other nodes have no events here, so it also polls:
 * every 3 s while something is converging (an update, or tasks not yet where they should be),
 * else every 15 s.
 */
export const SWARM_POLL_BUSY_MS = 3000;
export const SWARM_POLL_IDLE_MS = 15_000;

const SETTLED_UPDATE = new Set(['completed', 'rollback_completed', 'paused', 'rollback_paused']);

/** Whether the cluster is still moving towards what was asked: worth watching closely. */
export function converging(services: SwarmService[], tasks: SwarmTask[]): boolean {
  return (
    services.some(
      (s) =>
        s.running !== s.desired ||
        (s.updateStatus !== undefined && !SETTLED_UPDATE.has(s.updateStatus.state)),
    ) || tasks.some((t) => t.state !== t.desiredState)
  );
}

/** Colour family of a task state, for chips and pills. */
export function stateTone(state: string): 'green' | 'amber' | 'red' | 'grey' {
  if (state === 'running' || state === 'complete') return 'green';
  if (['failed', 'rejected', 'orphaned'].includes(state)) return 'red';
  if (['shutdown', 'remove'].includes(state)) return 'grey';
  return 'amber';
}
