import type Docker from 'dockerode';
import type { TaskRegistry } from '../tasks/task-registry';

/** What moving work between hosts needs: engines by host, their names, and the task registry. */
export interface MobilityDeps {
  docker(hostId: string): Promise<Docker>;
  hostName(hostId: string): string;
  tasks: TaskRegistry;
  /** Throws when a host's policy forbids this container create body (restricted hosts). */
  checkCreateBody(hostId: string, body: unknown): void;
}
