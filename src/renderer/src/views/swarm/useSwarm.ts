import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorShape, SwarmInfo, SwarmNode, SwarmService, SwarmTask } from '@shared/contract';
import { toErrorShape } from '../../lib/errors';
import { api } from '../../rpc/api';
import { onInvalidate } from '../../lib/invalidation';
import { converging, SWARM_POLL_BUSY_MS, SWARM_POLL_IDLE_MS } from './swarm-poll';

export interface SwarmData {
  info?: SwarmInfo;
  nodes: SwarmNode[];
  services: SwarmService[];
  /** Tasks that should be running (the node map and the counts). */
  tasks: SwarmTask[];
  error?: AppErrorShape;
  loading: boolean;
}

/**
 * The cluster as one host sees it, re-read on its engine's events and by a poll (see above). A host
 * that is not a manager only answers `info`; the rest stays empty.
 */
export function useSwarm(hostId: string) {
  const [data, setData] = useState<SwarmData>({ nodes: [], services: [], tasks: [], loading: true });
  const seq = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const info = await api.swarm.info({ hostId });
      if (info.role !== 'manager') {
        if (mine === seq.current) setData({ info, nodes: [], services: [], tasks: [], loading: false });
        return;
      }
      const [nodes, services, tasks] = await Promise.all([
        api.swarm.nodes({ hostId }),
        api.swarm.services({ hostId }),
        api.swarm.tasks({ hostId, current: true }),
      ]);
      if (mine === seq.current) setData({ info, nodes, services, tasks, loading: false });
    } catch (e) {
      if (mine === seq.current) setData((d) => ({ ...d, error: toErrorShape(e), loading: false }));
    }
  }, [hostId]);

  useEffect(() => {
    void refresh();
    return onInvalidate('swarm', (id) => {
      if (id === hostId) void refresh();
    });
  }, [refresh, hostId]);

  const busy = converging(data.services, data.tasks);
  useEffect(() => {
    const t = window.setInterval(
      () => {
        if (document.visibilityState === 'visible') void refresh();
      },
      busy ? SWARM_POLL_BUSY_MS : SWARM_POLL_IDLE_MS,
    );
    return () => window.clearInterval(t);
  }, [refresh, busy]);

  return { ...data, refresh };
}

/** Colour family of a task state, for chips and pills. */
export function stateTone(state: string): 'green' | 'amber' | 'red' | 'grey' {
  if (state === 'running' || state === 'complete') return 'green';
  if (['failed', 'rejected', 'orphaned'].includes(state)) return 'red';
  if (['shutdown', 'remove'].includes(state)) return 'grey';
  return 'amber';
}
