import { AppError, type ApiLogDetails, type ApiLogEntry, type ApiLogFilter } from '@shared/contract';
import type { RecordedRequest, RequestSink } from './request-recorder';

export const DEFAULT_API_LOG_ENTRIES = 2_000;

type Listener = (entry: ApiLogEntry) => void;

/** A bounded ring of one host's requests (oldest evicted first). */
class HostRing {
  readonly items: RecordedRequest[] = [];
  readonly byId = new Map<number, RecordedRequest>();

  push(rec: RecordedRequest, capacity: number): void {
    this.items.push(rec);
    this.byId.set(rec.entry.id, rec);
    this.trim(capacity);
  }

  trim(capacity: number): void {
    // Evict in blocks so a full ring does not shift the array on every request.
    if (this.items.length <= capacity + Math.max(16, capacity >> 6)) return;
    for (const old of this.items.splice(0, this.items.length - capacity)) this.byId.delete(old.entry.id);
  }

  /** Newest first, at most `capacity` (the block eviction lets a few more linger). */
  newest(capacity: number): RecordedRequest[] {
    return this.items.slice(-capacity).reverse();
  }
}

export function entryMatches(e: ApiLogEntry, f: ApiLogFilter): boolean {
  if (f.methods?.length && !f.methods.includes(e.method as never)) return false;
  if (f.status?.length) {
    const ok = f.status.some((s) => {
      if (s === 'open') return e.state === 'open';
      if (s === 'error') return e.state === 'error' || (e.status ?? 0) >= 400;
      if (e.status === undefined) return false;
      return s.endsWith('xx') ? String(e.status)[0] === s[0] : String(e.status) === s;
    });
    if (!ok) return false;
  }
  if (f.text) {
    const t = f.text.toLowerCase();
    const hay = `${e.path}?${e.query.map(([k, v]) => `${k}=${v}`).join('&')} ${e.origin?.method ?? ''}`;
    if (!hay.toLowerCase().includes(t)) return false;
  }
  return true;
}

/**
 * Every host's API log, in memory only (nothing is written unless the user exports). Gives each
 * host's engine client a RequestSink and serves the contract's list, details and watch.
 */
export class ApiLogBook {
  private rings = new Map<string, HostRing>();
  private listeners = new Map<string, Set<Listener>>();
  private lastId = 0;
  private capacity = DEFAULT_API_LOG_ENTRIES;
  /** Off when the setting is 0. */
  private enabled = true;

  /** The id the last request got (the console finds its own entry after it). */
  lastIdNow(): number {
    return this.lastId;
  }

  /** Requests kept per host; 0 turns recording off (and forgets what was kept). */
  setCapacity(n: number): void {
    const size = Math.max(0, Math.floor(n));
    this.enabled = size > 0;
    this.capacity = Math.max(1, size);
    if (!this.enabled) this.rings.clear();
    for (const r of this.rings.values()) r.trim(this.capacity);
  }

  sinkFor(hostId: string): RequestSink {
    const isEnabled = () => this.enabled;
    return {
      nextId: () => ++this.lastId,
      get enabled() {
        return isEnabled();
      },
      opened: (rec) => {
        let ring = this.rings.get(hostId);
        if (!ring) this.rings.set(hostId, (ring = new HostRing()));
        ring.push(rec, this.capacity);
        this.notify(hostId, rec.entry);
      },
      updated: (rec, final) => {
        if (final) {
          // Redact and drop the raw bytes on the next turn: nothing unredacted outlives the request
          // by more than that, and the caller waiting for the answer does not wait for the log.
          setImmediate(() => {
            rec.requestBody.render(rec.entry.path, true);
            rec.responseBody?.render(rec.entry.path, true);
            this.notify(hostId, rec.entry);
          });
          return;
        }
        this.notify(hostId, rec.entry);
      },
    };
  }

  private notify(hostId: string, entry: ApiLogEntry): void {
    const set = this.listeners.get(hostId);
    if (!set) return;
    for (const fn of set) fn(entry);
  }

  list(f: ApiLogFilter): ApiLogEntry[] {
    const ring = this.rings.get(f.hostId);
    if (!ring) return [];
    const limit = f.limit ?? this.capacity;
    const out: ApiLogEntry[] = [];
    for (const rec of ring.newest(this.capacity)) {
      if (entryMatches(rec.entry, f)) out.push({ ...rec.entry });
      if (out.length >= limit) break;
    }
    return out;
  }

  /** Entries in the order given (or all, newest first) with their details: for export. */
  detailsMany(hostId: string, ids?: number[]): ApiLogDetails[] {
    const ring = this.rings.get(hostId);
    if (!ring) return [];
    const recs = ids
      ? ids.map((id) => ring.byId.get(id)).filter((r) => r !== undefined)
      : ring.newest(this.capacity);
    return recs.map((r) => this.toDetails(r));
  }

  details(hostId: string, id: number): ApiLogDetails {
    const rec = this.rings.get(hostId)?.byId.get(id);
    if (!rec) {
      throw new AppError({
        code: 'NOT_FOUND',
        message: `Request ${id} is no longer in this host's API log.`,
      });
    }
    return this.toDetails(rec);
  }

  private toDetails(rec: RecordedRequest): ApiLogDetails {
    const path = rec.entry.path;
    return {
      ...rec.entry,
      requestHeaders: { ...rec.requestHeaders },
      responseHeaders: { ...rec.responseHeaders },
      requestBody: rec.requestBody.render(path, false),
      responseBody: rec.responseBody?.render(path, false) ?? {
        kind: 'none',
        text: '',
        bytes: 0,
        truncated: false,
      },
    };
  }

  clear(hostId: string): void {
    this.rings.delete(hostId);
  }

  /** Calls `fn` with each new or changed entry of a host; returns the unsubscribe. */
  subscribe(hostId: string, fn: Listener): () => void {
    let set = this.listeners.get(hostId);
    if (!set) this.listeners.set(hostId, (set = new Set()));
    set.add(fn);
    return () => {
      set.delete(fn);
      if (set.size === 0) this.listeners.delete(hostId);
    };
  }

  /** A host was removed: forget its requests. */
  forget(hostId: string): void {
    this.rings.delete(hostId);
  }
}
