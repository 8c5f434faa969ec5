import type { HostService } from '../services/hosts/host-service';

/** What every namespace's handlers get: the hosts, and a hook to clean up at shutdown. */
export interface AppContext {
  hosts: HostService;
  /** Registers cleanup that runs when the backend is disposed (app quit, test teardown). */
  onDispose(fn: () => void): void;
}
