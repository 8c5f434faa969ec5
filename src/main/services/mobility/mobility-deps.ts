import type Docker from 'dockerode';
import type { StackOps } from '../stacks/stack-service-for';
import type { TaskRegistry } from '../tasks/task-registry';

/** What moving work between hosts needs: engines by host, their names, and the task registry. */
export interface MobilityDeps {
  docker(hostId: string): Promise<Docker>;
  hostName(hostId: string): string;
  tasks: TaskRegistry;
  /** Throws when a host's policy forbids this container create body (restricted hosts). */
  checkCreateBody(hostId: string, body: unknown): void;
  /** A host's compose projects, as the stacks namespace runs them. */
  stacks(hostId: string): Promise<StackOps>;
  /** Drops the compose file the app keeps for a project on a host (the containers stay). */
  forgetStack(hostId: string, project: string): Promise<void>;
}
