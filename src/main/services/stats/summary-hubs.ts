import type { AppContext } from '../../app/app-context';
import { hostLoss } from '../hosts/host-liveness';
import { SummaryHub } from './summary-hub';

/**
 * One SummaryHub per host for a whole backend, shared by the stats namespace and host charts, so
 * a container watched by both still has a single engine stats stream.
 */
export class SummaryHubs {
  private readonly hubs = new Map<string, SummaryHub>();
  private readonly unwatch: () => void;

  constructor(private readonly ctx: Pick<AppContext, 'hosts'>) {
    // Summaries follow host health: streams close when a host is lost and reopen when it is back.
    this.unwatch = ctx.hosts.watch((snap) => {
      for (const [hostId, hub] of this.hubs) hub.setHostDown(hostLoss(snap, hostId));
    });
  }

  for(hostId: string): SummaryHub {
    let hub = this.hubs.get(hostId);
    if (!hub) {
      hub = new SummaryHub(async () => (await this.ctx.hosts.client(hostId)).docker);
      this.hubs.set(hostId, hub);
    }
    return hub;
  }

  dispose(): void {
    this.unwatch();
    for (const hub of this.hubs.values()) hub.close();
    this.hubs.clear();
  }
}

const registries = new WeakMap<object, SummaryHubs>();

export function summaryHubsFor(ctx: Pick<AppContext, 'hosts' | 'onDispose'>): SummaryHubs {
  let hubs = registries.get(ctx);
  if (!hubs) {
    const created = new SummaryHubs(ctx);
    ctx.onDispose(() => created.dispose());
    registries.set(ctx, created);
    hubs = created;
  }
  return hubs;
}
