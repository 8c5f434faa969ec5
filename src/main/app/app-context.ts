import type { EventFeeds } from '../services/events/event-feed';
import type { HostService } from '../services/hosts/host-service';

/** What every namespace's handlers get: hosts, their live events, and a hook to clean up at shutdown. */
export interface AppContext {
  hosts: HostService;
  /** One engine events stream per connected host, shared by every consumer. */
  events: EventFeeds;
  /** Registers cleanup that runs when the backend is disposed (app quit, test teardown). */
  onDispose(fn: () => void): void;
}
