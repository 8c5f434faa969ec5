import type Docker from 'dockerode';
import type { AppErrorShape, MiniStatsEntry, StatsSample, StatsSummary } from '@shared/contract';
import { watchStats, type StatsWatch } from './stats-stream';

export interface SummaryHubOptions {
  /** How often subscribers get a summary. */
  intervalMs?: number;
  /** How long a container's engine stream stays open after its last subscriber left (scrolling back is cheap). */
  lingerMs?: number;
  /** Wait before reopening a stream the engine closed (a stopped container may start again). */
  retryMs?: number;
  /** Upper bound of engine streams this host keeps open at once. */
  maxStreams?: number;
  log?(message: string, detail?: unknown): void;
}

interface Entry {
  refs: number;
  latest: StatsSample | undefined;
  watch: StatsWatch | undefined;
  opening: boolean;
  retryAt: number;
  linger: ReturnType<typeof setTimeout> | undefined;
  abort: AbortController;
}

interface Subscriber {
  ids: readonly string[];
  emit(summary: StatsSummary): void;
}

/**
 * One host's mini stats for the containers list. However many rows or windows ask, each
 * container has at most one engine stats stream, shared and ref-counted; subscribers get a
 * summary of their containers every `intervalMs`.
 */
export class SummaryHub {
  private readonly entries = new Map<string, Entry>();
  private readonly subscribers = new Set<Subscriber>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private closed = false;
  /** Why the host is lost, while it is: streams are closed and summaries say so. */
  private down: AppErrorShape | undefined;
  private readonly intervalMs: number;
  private readonly lingerMs: number;
  private readonly retryMs: number;
  private readonly maxStreams: number;

  constructor(
    private readonly docker: () => Promise<Docker>,
    private readonly opts: SummaryHubOptions = {},
  ) {
    this.intervalMs = opts.intervalMs ?? 2_000;
    this.lingerMs = opts.lingerMs ?? 10_000;
    this.retryMs = opts.retryMs ?? 10_000;
    this.maxStreams = opts.maxStreams ?? 200;
  }

  /** Engine streams open (or opening) now. */
  get openStreams(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.watch || e.opening) n++;
    return n;
  }

  subscribe(ids: readonly string[], emit: (summary: StatsSummary) => void): () => void {
    const sub: Subscriber = { ids: [...new Set(ids)], emit };
    this.subscribers.add(sub);
    for (const id of sub.ids) this.retain(id);
    this.timer ??= setInterval(() => this.tick(), this.intervalMs);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.subscribers.delete(sub);
      for (const id of sub.ids) this.release(id);
      if (this.subscribers.size === 0) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  /**
   * The host was lost (error) or is back (undefined). Lost: every engine stream is closed now
   * rather than left hanging on a cut link. Back: they reopen at the next tick, not after retryMs.
   */
  setHostDown(error: AppErrorShape | undefined): void {
    const wasDown = this.down !== undefined;
    this.down = error;
    if (error && !wasDown) {
      for (const e of this.entries.values()) {
        e.watch?.stop();
        e.watch = undefined;
        e.latest = undefined;
      }
    } else if (!error && wasDown) {
      for (const e of this.entries.values()) e.retryAt = 0;
    }
  }

  close(): void {
    this.closed = true;
    clearInterval(this.timer);
    this.timer = undefined;
    this.subscribers.clear();
    for (const id of [...this.entries.keys()]) this.drop(id);
  }

  private retain(id: string): void {
    let e = this.entries.get(id);
    if (!e) {
      if (this.entries.size >= this.maxStreams) return;
      e = {
        refs: 0,
        latest: undefined,
        watch: undefined,
        opening: false,
        retryAt: 0,
        linger: undefined,
        abort: new AbortController(),
      };
      this.entries.set(id, e);
    }
    e.refs++;
    clearTimeout(e.linger);
    e.linger = undefined;
    if (!e.watch && !e.opening) void this.open(id, e);
  }

  private release(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    e.refs--;
    if (e.refs > 0) return;
    e.linger = setTimeout(() => this.drop(id), this.lingerMs);
  }

  private drop(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    this.entries.delete(id);
    clearTimeout(e.linger);
    e.abort.abort();
    e.watch?.stop();
  }

  private async open(id: string, e: Entry): Promise<void> {
    e.opening = true;
    try {
      const docker = await this.docker();
      const watch = await watchStats(
        docker,
        id,
        {
          onSample: (s) => {
            e.latest = s.running ? s : undefined;
          },
          onEnd: () => {
            e.watch = undefined;
            e.latest = undefined;
            e.retryAt = Date.now() + this.retryMs;
          },
        },
        e.abort.signal,
      );
      if (this.entries.get(id) !== e || this.closed) watch.stop();
      else e.watch = watch;
    } catch (err) {
      if (!e.abort.signal.aborted) this.opts.log?.(`stats of ${id} could not be opened`, err);
      e.retryAt = Date.now() + this.retryMs;
    } finally {
      e.opening = false;
    }
  }

  private tick(): void {
    const now = Date.now();
    if (this.down) {
      for (const sub of this.subscribers) sub.emit({ at: now, items: [], disconnected: this.down });
      return;
    }
    for (const [id, e] of this.entries) {
      if (e.refs > 0 && !e.watch && !e.opening && now >= e.retryAt) void this.open(id, e);
    }
    for (const sub of this.subscribers) {
      const items: MiniStatsEntry[] = [];
      for (const id of sub.ids) {
        const s = this.entries.get(id)?.latest;
        if (!s) continue;
        items.push({
          id,
          cpuPercent: s.cpuPercent,
          memUsage: s.memUsage,
          memLimit: s.memLimit,
          memPercent: s.memPercent,
        });
      }
      sub.emit({ at: now, items });
    }
  }
}
