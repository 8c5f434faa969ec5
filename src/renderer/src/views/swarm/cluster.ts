import type { HostSwarm } from '../../stores/swarm';

/** The cluster as one manager sees it: what the overview and the services panel read together. */
export type Cluster = Pick<HostSwarm, 'nodes' | 'services' | 'tasks'>;
