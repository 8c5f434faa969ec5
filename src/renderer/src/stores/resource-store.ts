import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { AppErrorShape } from '@shared/contract';
import { toErrorShape } from '../lib/errors';
import { shareStructure } from '../lib/structural-share';
import { onInvalidate, type ResourceKind } from '../lib/invalidation';
import { useHostsStore } from './hosts';

/** What every per-host slice of server data carries besides the data itself. */
export interface HostLoad {
  loading: boolean;
  error: AppErrorShape | undefined;
  /** When the data was last fetched successfully (epoch ms). */
  fetchedAt: number | undefined;
}

/** The load state of a host nothing has been fetched for: each resource's `empty` spreads it. */
export const NOT_LOADED: HostLoad = { loading: false, error: undefined, fetchedAt: undefined };

export interface HostResourceState<H extends HostLoad> {
  byHost: Record<string, H>;
  /** One request per host at a time: a second caller shares the first one's promise. */
  fetch(hostId: string): Promise<void>;
  forgetHost(hostId: string): void;
}

type SetState<S> = StoreApi<S>['setState'];

export interface HostResourceConfig<H extends HostLoad, X extends object> {
  /** The slice of a host nothing has been fetched for. */
  empty: H;
  /** Fetches a host's data: the fields it returns replace the slice's. */
  load(hostId: string): Promise<Partial<H>>;
  /**
   * Fetches only what changed after events naming these ids, merged into the loaded slice `prev`
   * (a 10,000-container host refetched whole on every event). Without it, events refetch all.
   */
  refresh?(hostId: string, ids: string[], prev: H): Promise<Partial<H>>;
  /** At most this many ids per refresh; more refetch all (default 50). */
  refreshMaxIds?: number;
  /** Engine event kinds after which a loaded host refetches. */
  invalidatedBy: readonly ResourceKind[];
  /** State and actions beyond server data (a filter, an action's error banners). */
  extras?(set: SetState<HostResourceState<H> & X>, get: () => HostResourceState<H> & X): X;
  /** Runs when a host is removed, to drop what the extras keep about it. */
  onForget?(hostId: string, state: HostResourceState<H> & X): Partial<HostResourceState<H> & X>;
  /** Runs after each successful fetch (containers forget selected ids that are gone). */
  afterFetch?(hostId: string, get: () => HostResourceState<H> & X): void;
}

/** The fields of `slice` that `data` replaces, to compare them. */
function pick<H extends object>(slice: H, data: Partial<H>): Partial<H> {
  const out: Partial<H> = {};
  for (const k of Object.keys(data) as (keyof H)[]) out[k] = slice[k];
  return out;
}

/**
 * A zustand store of one kind of server data per host: in-flight sharing, fetchedAt and error,
 * refetch on the engine events that invalidate it (only hosts already loaded), and hosts that
 * are removed are forgotten; a refetch keeps the identity of every row whose content did not
 * change (structural sharing). Each resource is a configuration of this plus its real extras.
 */
export function createHostResourceStore<H extends HostLoad, X extends object = object>(
  config: HostResourceConfig<H, X>,
): UseBoundStore<StoreApi<HostResourceState<H> & X>> {
  type S = HostResourceState<H> & X;
  /** One request per host at a time: a full fetch, or a refresh of some ids. */
  const inFlight = new Map<string, { promise: Promise<void>; partial: boolean }>();
  /**
   * Hosts invalidated while a request was in flight (its answer may predate the change): the ids
   * to refresh once it is done, or 'all'.
   */
  const stale = new Map<string, Set<string> | 'all'>();
  const maxIds = config.refreshMaxIds ?? 50;

  let invalidated: (hostId: string, ids: ReadonlySet<string> | undefined) => void = () => undefined;
  const store = create<S>()((set, get) => {
    const patch = (hostId: string, p: Partial<H>) =>
      set(
        (s) =>
          ({
            byHost: { ...s.byHost, [hostId]: { ...(s.byHost[hostId] ?? config.empty), ...p } },
          }) as Partial<S>,
      );
    /** Runs what was asked while the host's last request was in flight. */
    const drain = (hostId: string) => {
      const want = stale.get(hostId);
      stale.delete(hostId);
      if (want === 'all') void get().fetch(hostId);
      else if (want) void refreshIds(hostId, want);
    };
    const refreshIds = (hostId: string, ids: Set<string>): Promise<void> => {
      const prev = get().byHost[hostId];
      if (!config.refresh || !prev || prev.fetchedAt === undefined || ids.size > maxIds)
        return get().fetch(hostId);
      const refresh = config.refresh;
      const p = (async () => {
        try {
          const data = await refresh(hostId, [...ids], prev);
          const now = get().byHost[hostId];
          if (!now) return;
          patch(hostId, { ...shareStructure(pick(now, data), data), error: undefined });
          config.afterFetch?.(hostId, get);
        } catch {
          // A refresh that failed leaves the list as it was; the next full fetch says why.
          stale.set(hostId, 'all');
        } finally {
          inFlight.delete(hostId);
          drain(hostId);
        }
      })();
      inFlight.set(hostId, { promise: p, partial: true });
      return p;
    };
    invalidated = (hostId, ids) => {
      if (!get().byHost[hostId]) return;
      const want = ids && ids.size > 0 ? new Set(ids) : 'all';
      const running = inFlight.get(hostId);
      if (!running) {
        if (want === 'all') void get().fetch(hostId);
        else void refreshIds(hostId, want);
        return;
      }
      // A whole-list fetch in flight answers a whole-list invalidation (the resync of a page that
      // just subscribed arrives while its first fetches run: refetching each would list twice).
      // Named objects are refreshed after it, since its answer may predate their change.
      if (want === 'all' && !running.partial) return;
      const before = stale.get(hostId);
      if (want === 'all' || before === 'all') stale.set(hostId, 'all');
      else stale.set(hostId, before ? new Set([...before, ...want]) : want);
    };
    const base: HostResourceState<H> = {
      byHost: {},
      fetch(hostId) {
        const pending = inFlight.get(hostId);
        // A refresh of some ids does not answer for the whole list: fetch all after it.
        if (pending)
          return pending.partial ? pending.promise.then(() => get().fetch(hostId)) : pending.promise;
        patch(hostId, { loading: true } as Partial<H>);
        const p = (async () => {
          try {
            const data = await config.load(hostId);
            // Rows whose content did not change keep their identity: memoised rows skip re-rendering.
            const prev = get().byHost[hostId];
            const shared = prev ? shareStructure(pick(prev, data), data) : data;
            patch(hostId, { ...shared, loading: false, error: undefined, fetchedAt: Date.now() });
            config.afterFetch?.(hostId, get);
          } catch (e) {
            patch(hostId, { loading: false, error: toErrorShape(e) } as Partial<H>);
          } finally {
            inFlight.delete(hostId);
            drain(hostId);
          }
        })();
        inFlight.set(hostId, { promise: p, partial: false });
        return p;
      },
      forgetHost(hostId) {
        stale.delete(hostId);
        set((s) => {
          const byHost = { ...s.byHost };
          delete byHost[hostId];
          return { ...config.onForget?.(hostId, s), byHost } as Partial<S>;
        });
      },
    };
    return { ...base, ...(config.extras?.(set, get) ?? ({} as X)) } as S;
  });

  for (const kind of config.invalidatedBy) {
    onInvalidate(kind, (hostId, ids) => invalidated(hostId, ids));
  }
  useHostsStore.subscribe((s, prev) => {
    if (s.hosts === prev.hosts) return;
    const ids = new Set(s.hosts.map((h) => h.id));
    const state = store.getState();
    for (const id of Object.keys(state.byHost)) if (!ids.has(id)) state.forgetHost(id);
  });
  return store;
}
