import type {
  StackSummary,
  SwarmFile,
  SwarmInfo,
  SwarmNode,
  SwarmService,
  SwarmTask,
} from '@shared/contract';
import { api } from '../rpc/api';
import { createHostResourceStore, type HostLoad, NOT_LOADED } from './resource-store';

export interface HostSwarm extends HostLoad {
  info: SwarmInfo | undefined;
  nodes: SwarmNode[];
  services: SwarmService[];
  /** Tasks that should be running (the node map and the counts). */
  tasks: SwarmTask[];
}

export const EMPTY_HOST_SWARM: HostSwarm = {
  info: undefined,
  nodes: [],
  services: [],
  tasks: [],
  ...NOT_LOADED,
};

/**
 * The cluster as each host sees it, refetched on its engine's swarm events (and polled by
 * hooks/useSwarm while the view is open). A host that is not a manager only answers `info`.
 */
export const useSwarmStore = createHostResourceStore<HostSwarm>({
  empty: EMPTY_HOST_SWARM,
  invalidatedBy: ['swarm'],
  load: async (hostId) => {
    const info = await api.swarm.info({ hostId });
    if (info.role !== 'manager') return { info, nodes: [], services: [], tasks: [] };
    const [nodes, services, tasks] = await Promise.all([
      api.swarm.nodes({ hostId }),
      api.swarm.services({ hostId }),
      api.swarm.tasks({ hostId, current: true }),
    ]);
    return { info, nodes, services, tasks };
  },
});

export interface HostSwarmObjects extends HostLoad {
  stacks: StackSummary[] | undefined;
  secrets: SwarmFile[] | undefined;
  configs: SwarmFile[] | undefined;
}

export const EMPTY_HOST_SWARM_OBJECTS: HostSwarmObjects = {
  stacks: undefined,
  secrets: undefined,
  configs: undefined,
  ...NOT_LOADED,
};

/** A manager's stacks, secrets and configs: fetched when their tab opens, then on swarm events. */
export const useSwarmObjectsStore = createHostResourceStore<HostSwarmObjects>({
  empty: EMPTY_HOST_SWARM_OBJECTS,
  invalidatedBy: ['swarm'],
  load: async (hostId) => {
    const [stacks, secrets, configs] = await Promise.all([
      api.swarm.stacks({ hostId }),
      api.swarm.secrets({ hostId }),
      api.swarm.configs({ hostId }),
    ]);
    return { stacks, secrets, configs };
  },
});
