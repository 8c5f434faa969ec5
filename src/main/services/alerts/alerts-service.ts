import type { AlertRule, FleetSettings, HostsSnapshot } from '@shared/contract';
import type { AppContext } from '../../app/app-context';
import { fleetSettingsFor } from '../fleet-settings/fleet-settings-for';
import { readDf, summarizeDiskUsage } from '../system/disk-usage';
import { diskUsageHubFor } from '../system/disk-usage-hub';
import { updatesFor } from '../updates/updates-service';
import { AlertStore, type NewAlert } from './alert-store';
import { ContainerRules } from './container-rules';
import { diskBytes, formatBytes } from './disk-rule';
import { perContext } from '../../app/per-context';

/**
 * Alerts for every host of one backend, driven by what is already flowing: the shared engine
 * events, host health, disk usage read by views (or a slow schedule), and update checks. Muted
 * rules and hosts raise nothing.
 */
export class AlertsService {
  readonly store = new AlertStore();
  private readonly rules: ContainerRules;
  private readonly wasConnected = new Map<string, boolean>();
  private diskTimer: ReturnType<typeof setTimeout> | undefined;
  private diskEveryMs = -1;
  private readonly cleanups: Array<() => void> = [];

  constructor(private readonly ctx: AppContext) {
    const settings = fleetSettingsFor(ctx);
    void settings.load().then(() => this.armDisk());
    this.cleanups.push(settings.subscribe(() => this.armDisk()));
    this.rules = new ContainerRules(
      { raise: (a) => this.raise(a), resolve: (k, at) => this.store.resolve(k, at) },
      () => settings.current.alerts,
    );
    this.cleanups.push(
      ctx.events.subscribe(undefined, (batch) => {
        for (const e of batch.events) this.rules.handle(e);
      }),
    );
    this.cleanups.push(ctx.hosts.watch((snap) => this.onHosts(snap)));
    this.cleanups.push(
      diskUsageHubFor(ctx).subscribe((hostId, usage) => this.onDisk(hostId, diskBytes(usage))),
    );
    this.cleanups.push(
      updatesFor(ctx).checker.subscribe((_snap, changed) => {
        for (const c of changed) {
          if (c.state !== 'update-available') continue;
          this.raise({
            key: `update-available|${c.hostId}|${c.containerId}|${c.remoteDigest ?? ''}`,
            rule: 'update-available',
            hostId: c.hostId,
            containerId: c.containerId,
            subject: c.name,
            at: Date.now(),
            message: `A newer ${c.image} is in its registry.`,
            detail: { image: c.image, ...(c.remoteDigest ? { digest: c.remoteDigest } : {}) },
          });
        }
      }),
    );
    ctx.onDispose(() => this.dispose());
  }

  private settings(): FleetSettings['alerts'] {
    return fleetSettingsFor(this.ctx).current.alerts;
  }

  private muted(rule: AlertRule, hostId: string): boolean {
    const s = this.settings();
    const host = s.hosts[hostId];
    return s.mutedRules.includes(rule) || host?.muted === true || (host?.mutedRules ?? []).includes(rule);
  }

  private raise(a: NewAlert): void {
    if (this.muted(a.rule, a.hostId)) return;
    this.store.raise(a);
  }

  private hostName(hostId: string): string {
    return this.ctx.hosts.get(hostId)?.name ?? hostId;
  }

  private onHosts(snap: HostsSnapshot): void {
    for (const h of snap.hosts) {
      const status = snap.statuses[h.id];
      const connected = status?.state === 'connected';
      const was = this.wasConnected.get(h.id);
      this.wasConnected.set(h.id, connected);
      const key = `host-unreachable|${h.id}`;
      if (connected) {
        this.store.resolve(key, Date.now());
        continue;
      }
      // Only a host that was up and is lost (or failed outright) is news; "connecting" at start is not.
      if (status?.state === 'error' || (was === true && status?.state !== 'connecting')) {
        if (this.store.isOpen(key)) continue;
        this.raise({
          key,
          rule: 'host-unreachable',
          hostId: h.id,
          subject: h.name,
          at: Date.now(),
          message: `${h.name} is unreachable${status?.error ? `: ${status.error.message}` : '.'}`,
        });
      }
    }
  }

  private onDisk(hostId: string, bytes: number): void {
    const s = this.settings();
    const threshold = s.hosts[hostId]?.diskThresholdBytes ?? s.diskThresholdBytes;
    const key = `disk|${hostId}`;
    if (threshold <= 0 || bytes <= threshold) {
      this.store.resolve(key, Date.now());
      return;
    }
    if (this.store.isOpen(key)) return;
    const name = this.hostName(hostId);
    this.raise({
      key,
      rule: 'disk',
      hostId,
      subject: name,
      at: Date.now(),
      message: `${name} uses ${formatBytes(bytes)} of disk for Docker (over ${formatBytes(threshold)}).`,
      detail: { bytes, threshold },
    });
  }

  /** The slow disk read of connected hosts (0: only readings views make anyway). */
  private armDisk(): void {
    const every = this.settings().diskCheckMinutes * 60_000;
    if (every === this.diskEveryMs) return;
    this.diskEveryMs = every;
    clearTimeout(this.diskTimer);
    this.diskTimer = undefined;
    if (every <= 0) return;
    const tick = async () => {
      const snap = this.ctx.hosts.snapshot();
      for (const h of snap.hosts) {
        if (snap.statuses[h.id]?.state !== 'connected') continue;
        try {
          const { docker } = await this.ctx.hosts.client(h.id);
          const usage = summarizeDiskUsage(await readDf(docker, AbortSignal.timeout(120_000)));
          diskUsageHubFor(this.ctx).report(h.id, usage);
        } catch {
          // An unreachable host is the host rule's business.
        }
      }
      this.diskTimer = setTimeout(() => void tick(), every);
      this.diskTimer.unref?.();
    };
    this.diskTimer = setTimeout(() => void tick(), every);
    this.diskTimer.unref?.();
  }

  dispose(): void {
    clearTimeout(this.diskTimer);
    this.rules.dispose();
    for (const fn of this.cleanups.splice(0)) fn();
  }
}

export const alertsFor = perContext((ctx) => new AlertsService(ctx));
