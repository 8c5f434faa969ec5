import type Docker from 'dockerode';
import {
  HOST_CHART_POINTS,
  HOST_CHART_STEP_MS,
  HOST_CHART_TOP,
  MAX_SUMMARY_IDS,
  type AppErrorShape,
  type EventBatch,
  type HostChart,
  type HostChartPoint,
  type StatsSummary,
  type TopContainer,
} from '@shared/contract';
import type { SummaryHub } from '../stats/summary-hub';

export interface SamplerDeps {
  docker(): Promise<Docker>;
  hub: SummaryHub;
  events: { subscribe(hostId: string, fn: (batch: EventBatch) => void): () => void };
}

export type SamplerEvent =
  | { type: 'point'; point: HostChartPoint; topCpu: TopContainer[]; topMem: TopContainer[] }
  | { type: 'disconnected'; error: AppErrorShape }
  | { type: 'resumed' };

const RELIST_DELAY_MS = 1_000;
const CONTAINER_CHANGES = new Set(['start', 'die', 'destroy', 'pause', 'unpause']);

/**
 * One host's chart: its running containers' CPU and memory from the shared stats summary (no
 * engine stream of its own), averaged into a point every HOST_CHART_STEP_MS, an hour kept.
 * Which containers run is read again only when a container event says it changed.
 */
export class HostSampler {
  private readonly points: HostChartPoint[] = [];
  private names = new Map<string, string>();
  private topCpu: TopContainer[] = [];
  private topMem: TopContainer[] = [];
  private bucket: { cpu: number; mem: number; containers: number; n: number; start: number } | undefined;
  private unsubscribeHub: (() => void) | undefined;
  private unsubscribeEvents: (() => void) | undefined;
  private relistTimer: ReturnType<typeof setTimeout> | undefined;
  private down: AppErrorShape | undefined;
  private running = false;
  private readonly listeners = new Set<(e: SamplerEvent) => void>();

  constructor(
    readonly hostId: string,
    private readonly deps: SamplerDeps,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    let first = true;
    this.unsubscribeEvents = this.deps.events.subscribe(this.hostId, (batch) => {
      // The subscription's first batch is its own resync: the listing below covers it.
      if (first) {
        first = false;
        return;
      }
      if (
        batch.resync?.length ||
        batch.events.some((e) => e.type === 'container' && CONTAINER_CHANGES.has(e.action))
      )
        this.relistSoon();
    });
    void this.relist();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.relistTimer);
    this.unsubscribeEvents?.();
    this.unsubscribeHub?.();
    this.unsubscribeEvents = undefined;
    this.unsubscribeHub = undefined;
  }

  private relistSoon(): void {
    clearTimeout(this.relistTimer);
    this.relistTimer = setTimeout(() => void this.relist(), RELIST_DELAY_MS);
  }

  private async relist(): Promise<void> {
    try {
      const docker = await this.deps.docker();
      const list = await docker.listContainers({
        all: false,
        abortSignal: AbortSignal.timeout(15_000),
      } as Docker.ContainerListOptions);
      if (!this.running) return;
      const running = list.slice(0, MAX_SUMMARY_IDS);
      this.names = new Map(
        running.map((c) => [c.Id, (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, '')]),
      );
      this.unsubscribeHub?.();
      this.unsubscribeHub = this.deps.hub.subscribe([...this.names.keys()], (s) => this.onSummary(s));
    } catch {
      // The host is down: the summary of a later listing says so; try again on its next event.
    }
  }

  private onSummary(s: StatsSummary): void {
    if (s.disconnected) {
      if (!this.down) {
        this.down = s.disconnected;
        this.emit({ type: 'disconnected', error: s.disconnected });
      }
      return;
    }
    if (this.down) {
      this.down = undefined;
      this.emit({ type: 'resumed' });
    }
    let cpu = 0;
    let mem = 0;
    const all: TopContainer[] = [];
    for (const item of s.items) {
      cpu += item.cpuPercent;
      mem += item.memUsage;
      all.push({
        id: item.id,
        name: this.names.get(item.id) ?? item.id.slice(0, 12),
        cpuPercent: item.cpuPercent,
        memUsage: item.memUsage,
      });
    }
    this.topCpu = [...all].sort((a, b) => b.cpuPercent - a.cpuPercent).slice(0, HOST_CHART_TOP);
    this.topMem = [...all].sort((a, b) => b.memUsage - a.memUsage).slice(0, HOST_CHART_TOP);
    this.bucket ??= { cpu: 0, mem: 0, containers: 0, n: 0, start: s.at };
    this.bucket.cpu += cpu;
    this.bucket.mem += mem;
    this.bucket.containers = Math.max(this.bucket.containers, s.items.length);
    this.bucket.n++;
    if (s.at - this.bucket.start + 1 >= HOST_CHART_STEP_MS - 1_000) this.closeBucket(s.at);
  }

  private closeBucket(at: number): void {
    const b = this.bucket;
    this.bucket = undefined;
    if (!b || b.n === 0) return;
    const point: HostChartPoint = {
      at,
      cpuPercent: b.cpu / b.n,
      memUsage: Math.round(b.mem / b.n),
      containers: b.containers,
    };
    this.points.push(point);
    const cutoff = at - HOST_CHART_POINTS * HOST_CHART_STEP_MS;
    while (this.points.length > HOST_CHART_POINTS || (this.points[0] && this.points[0].at < cutoff))
      this.points.shift();
    this.emit({ type: 'point', point, topCpu: this.topCpu, topMem: this.topMem });
  }

  chart(): HostChart {
    const c: HostChart = {
      hostId: this.hostId,
      points: [...this.points],
      topCpu: this.topCpu,
      topMem: this.topMem,
    };
    if (this.down) c.disconnected = this.down;
    return c;
  }

  subscribe(fn: (e: SamplerEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(e: SamplerEvent): void {
    for (const l of this.listeners) l(e);
  }
}
