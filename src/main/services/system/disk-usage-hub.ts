import type { DiskUsage } from '@shared/contract';
import { perContext } from '../../app/per-context';

type Listener = (hostId: string, usage: DiskUsage) => void;

/**
 * Disk usage readings as they happen (a view asked for system df, or a slow scheduled read), so
 * other services (disk alerts) use them without asking the engine again.
 */
export class DiskUsageHub {
  private readonly listeners = new Set<Listener>();

  report(hostId: string, usage: DiskUsage): void {
    for (const l of this.listeners) l(hostId, usage);
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}

export const diskUsageHubFor = perContext(() => new DiskUsageHub());
