import type Docker from 'dockerode';
import type { CredentialTarget, RegistryService } from '../registries/registry-service';
import type { TaskRegistry } from '../tasks/task-registry';

/** What the long image operations need: engines by host, stored logins, and the task registry. */
export interface ImageTaskDeps {
  docker(hostId: string): Promise<Docker>;
  hostName(hostId: string): string;
  registries: RegistryService;
  /** Where a stored registry login would go when used on a host (for the consent check). */
  credentialTarget(hostId: string): CredentialTarget;
  tasks: TaskRegistry;
}
