import type Docker from 'dockerode';
import type { TaskRegistry } from '../tasks/task-registry';

/** What moving work between hosts needs: engines by host, their names, and the task registry. */
export interface MobilityDeps {
  docker(hostId: string): Promise<Docker>;
  hostName(hostId: string): string;
  tasks: TaskRegistry;
}
