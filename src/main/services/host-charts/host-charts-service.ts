import type { HostChartsEvent } from '@shared/contract';
import type { AppContext } from '../../app/app-context';
import { fleetSettingsFor } from '../fleet-settings/fleet-settings-for';
import { summaryHubsFor } from '../stats/summary-hubs';
import { HostSampler } from './host-sampler';
import { perContext } from '../../app/per-context';

/**
 * Host charts for a backend: a sampler per host runs while someone watches or the history
 * setting is on, and stops otherwise (its hour of points is kept).
 */
export class HostChartsService {
  private readonly samplers = new Map<string, HostSampler>();
  private watchers = 0;
  private readonly cleanups: Array<() => void> = [];

  constructor(private readonly ctx: AppContext) {
    const settings = fleetSettingsFor(ctx);
    void settings.load().then(() => this.sync());
    this.cleanups.push(settings.subscribe(() => this.sync()));
    this.cleanups.push(ctx.hosts.watch(() => this.sync()));
    ctx.onDispose(() => this.dispose());
  }

  private active(): boolean {
    return this.watchers > 0 || fleetSettingsFor(this.ctx).current.charts.keepHistory;
  }

  private sampler(hostId: string): HostSampler {
    let s = this.samplers.get(hostId);
    if (!s) {
      s = new HostSampler(hostId, {
        docker: async () => (await this.ctx.hosts.client(hostId)).docker,
        hub: summaryHubsFor(this.ctx).for(hostId),
        events: this.ctx.events,
      });
      this.samplers.set(hostId, s);
    }
    return s;
  }

  /** Starts or stops samplers to match the hosts and whether anyone needs them. */
  private sync(): void {
    const ids = new Set(this.ctx.hosts.list().map((h) => h.id));
    for (const [id, s] of this.samplers) {
      if (!ids.has(id)) {
        s.stop();
        this.samplers.delete(id);
      }
    }
    const on = this.active();
    for (const id of ids) {
      if (on) this.sampler(id).start();
      else this.samplers.get(id)?.stop();
    }
  }

  /** Subscribes one view: a snapshot of its hosts, then their points. */
  watch(hostIds: string[] | undefined, emit: (e: HostChartsEvent) => void): () => void {
    this.watchers++;
    this.sync();
    const want = hostIds ?? this.ctx.hosts.list().map((h) => h.id);
    const known = want.filter((id) => this.samplers.has(id));
    emit({ type: 'snapshot', hosts: known.map((id) => this.sampler(id).chart()) });
    const offs = known.map((id) =>
      this.sampler(id).subscribe((e) => {
        if (e.type === 'point') emit({ ...e, hostId: id });
        else emit({ ...e, hostId: id });
      }),
    );
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const off of offs) off();
      this.watchers--;
      this.sync();
    };
  }

  dispose(): void {
    for (const fn of this.cleanups.splice(0)) fn();
    for (const s of this.samplers.values()) s.stop();
    this.samplers.clear();
  }
}

export const hostChartsFor = perContext((ctx) => new HostChartsService(ctx));
