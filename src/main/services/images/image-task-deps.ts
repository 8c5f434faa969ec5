import type Docker from 'dockerode';
import type { RegistryService } from '../registries/registry-service';
import type { TaskRegistry } from '../tasks/task-registry';

/** What the long image operations need: engines by host, stored logins, and the task registry. */
export interface ImageTaskDeps {
  docker(hostId: string): Promise<Docker>;
  hostName(hostId: string): string;
  registries: RegistryService;
  tasks: TaskRegistry;
}
