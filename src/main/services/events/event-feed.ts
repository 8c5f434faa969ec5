import type { Readable } from 'node:stream';
import type { EngineEvent, EventBatch, HostsSnapshot } from '@shared/contract';
import { leadingWindow } from '@shared/lib/leading-window';
import type { HostService } from '../hosts/host-service';
import { NdjsonSplitter } from '../../engine/ndjson';
import { normalizeEvent, toSinceParam } from './normalize-event';

const KEEP_PER_HOST = 1000;
/** Events within this long of the last batch travel in the next one; a lone event goes at once. */
const BATCH_MS = 16;
const RESTART_DELAY_MS = 1000;
const MAX_EVENT_BYTES = 256 * 1024;

type Listener = (batch: EventBatch) => void;

/** One engine's /events stream, reopened from the last event seen when it drops. */
class HostFeed {
  readonly recent: EngineEvent[] = [];
  private controller: AbortController | undefined;
  private lastTimeNano: string | undefined;
  private seen = new Set<string>();
  /** Lines dropped for passing MAX_EVENT_BYTES. */
  overflows = 0;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  running = false;

  constructor(
    private readonly hostId: string,
    private readonly hosts: HostService,
    private readonly onEvent: (e: EngineEvent) => void,
    private readonly onResync: (hostId: string) => void,
    private readonly onLost: (hostId: string) => void,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.open();
  }

  private async open() {
    if (!this.running) return;
    const controller = new AbortController();
    this.controller = controller;
    let stream: Readable;
    try {
      const client = await this.hosts.client(this.hostId);
      const opts: Record<string, unknown> = { abortSignal: controller.signal };
      if (this.lastTimeNano) opts.since = toSinceParam(this.lastTimeNano);
      stream = (await client.docker.getEvents(opts)) as unknown as Readable;
    } catch {
      if (!controller.signal.aborted) this.dropped();
      return;
    }
    if (controller.signal.aborted) {
      stream.destroy();
      return;
    }
    // Whatever happened while no stream was open may be missing: views re-list.
    this.onResync(this.hostId);
    const split = new NdjsonSplitter(
      (line) => {
        let raw: unknown;
        try {
          raw = JSON.parse(line);
        } catch {
          return;
        }
        const event = normalizeEvent(this.hostId, raw);
        if (event) this.accept(event);
      },
      // An event is well under 64 KiB; a longer line is dropped (bounded memory, linear time).
      { maxLineBytes: MAX_EVENT_BYTES, onOverflow: () => this.overflows++ },
    );
    stream.on('data', (chunk: Buffer) => split.push(chunk));
    const ended = () => {
      if (this.controller === controller && !controller.signal.aborted) this.dropped();
    };
    stream.once('end', ended);
    stream.once('error', ended);
    stream.once('close', ended);
  }

  private accept(event: EngineEvent) {
    // `since` replays from the last second: drop what we already delivered.
    const key = `${event.timeNano}|${event.id}|${event.action}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (this.seen.size > 4 * KEEP_PER_HOST) this.seen = new Set([...this.seen].slice(-KEEP_PER_HOST));
    this.lastTimeNano = event.timeNano;
    this.recent.push(event);
    if (this.recent.length > KEEP_PER_HOST) this.recent.splice(0, this.recent.length - KEEP_PER_HOST);
    this.onEvent(event);
  }

  /** The stream broke: have the host's health checked now, and reopen if it is still up. */
  private dropped() {
    this.controller = undefined;
    this.onLost(this.hostId);
    this.hosts.checkNow(this.hostId);
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => void this.open(), RESTART_DELAY_MS);
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.restartTimer);
    this.controller?.abort();
    this.controller = undefined;
  }
}

/**
 * One events stream per connected host, shared by every subscriber. Follows host state: a host
 * that connects (or reconnects) gets its stream, with a resync notice for views.
 */
export class EventFeeds {
  private feeds = new Map<string, HostFeed>();
  private listeners = new Set<{ hostId: string | undefined; fn: Listener }>();
  private pending: EngineEvent[] = [];
  private pendingResync = new Set<string>();
  private pendingLost = new Set<string>();
  /** Hosts said to be disconnected and not resynced since: said once per outage. */
  private lost = new Set<string>();
  // setImmediate: events read in the same I/O turn still travel together.
  private batcher = leadingWindow(() => this.flush(), { windowMs: BATCH_MS, soon: (fn) => setImmediate(fn) });
  private unwatch: () => void;

  constructor(private readonly hosts: HostService) {
    this.unwatch = hosts.watch((snapshot) => this.sync(snapshot));
  }

  private sync(snapshot: HostsSnapshot) {
    const ids = new Set(snapshot.hosts.map((h) => h.id));
    for (const [id, feed] of this.feeds) {
      if (!ids.has(id)) {
        feed.stop();
        this.feeds.delete(id);
      }
    }
    for (const id of ids) {
      let feed = this.feeds.get(id);
      if (!feed) {
        feed = new HostFeed(
          id,
          this.hosts,
          (e) => this.queue(e),
          (hostId) => this.queueResync(hostId),
          (hostId) => this.queueLost(hostId),
        );
        this.feeds.set(id, feed);
      }
      const connected = snapshot.statuses[id]?.state === 'connected';
      if (connected) feed.start();
      else if (feed.running) {
        feed.stop();
        this.queueLost(id);
      }
    }
  }

  private queue(event: EngineEvent) {
    this.pending.push(event);
    this.batcher.request();
  }

  private queueLost(hostId: string) {
    if (this.lost.has(hostId)) return;
    this.lost.add(hostId);
    this.pendingLost.add(hostId);
    this.batcher.request();
  }

  private queueResync(hostId: string) {
    this.lost.delete(hostId);
    this.pendingLost.delete(hostId);
    this.pendingResync.add(hostId);
    this.batcher.request();
  }

  private flush() {
    const events = this.pending;
    const resync = [...this.pendingResync];
    const lost = [...this.pendingLost];
    this.pending = [];
    this.pendingResync.clear();
    this.pendingLost.clear();
    for (const l of this.listeners) {
      const mine = l.hostId ? events.filter((e) => e.hostId === l.hostId) : events;
      const myResync = l.hostId ? resync.filter((h) => h === l.hostId) : resync;
      const myLost = l.hostId ? lost.filter((h) => h === l.hostId) : lost;
      if (mine.length === 0 && myResync.length === 0 && myLost.length === 0) continue;
      const batch: EventBatch = { events: mine };
      if (myResync.length) batch.resync = myResync;
      if (myLost.length) batch.disconnected = myLost;
      l.fn(batch);
    }
  }

  /** Live batches; the first one asks the subscriber to (re)list every host it covers. */
  subscribe(hostId: string | undefined, fn: Listener): () => void {
    const entry = { hostId, fn };
    this.listeners.add(entry);
    const hosts = hostId ? [hostId] : [...this.feeds.keys()];
    fn({ events: [], resync: hosts });
    return () => this.listeners.delete(entry);
  }

  recent(hostId: string | undefined, limit: number): EngineEvent[] {
    const all = hostId
      ? [...(this.feeds.get(hostId)?.recent ?? [])]
      : [...this.feeds.values()].flatMap((f) => f.recent).sort((a, b) => (a.timeNano < b.timeNano ? -1 : 1));
    return all.slice(-limit);
  }

  listenerCount(): number {
    return this.listeners.size;
  }

  /** Hosts whose engine stream is open now (tests prove cleanup with it). */
  openStreams(): number {
    return [...this.feeds.values()].filter((f) => f.running).length;
  }

  dispose(): void {
    this.unwatch();
    this.batcher.cancel();
    for (const f of this.feeds.values()) f.stop();
    this.feeds.clear();
    this.listeners.clear();
  }
}
