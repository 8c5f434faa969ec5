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
  const inFlight = new Map<string, Promise<void>>();
  /** Hosts invalidated while their fetch was in flight: that answer may predate the change. */
  const stale = new Set<string>();

  const store = create<S>()((set, get) => {
    const patch = (hostId: string, p: Partial<H>) =>
      set(
        (s) =>
          ({
            byHost: { ...s.byHost, [hostId]: { ...(s.byHost[hostId] ?? config.empty), ...p } },
          }) as Partial<S>,
      );
    const base: HostResourceState<H> = {
      byHost: {},
      fetch(hostId) {
        const pending = inFlight.get(hostId);
        if (pending) return pending;
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
            if (stale.delete(hostId)) void get().fetch(hostId);
          }
        })();
        inFlight.set(hostId, p);
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
    onInvalidate(kind, (hostId) => {
      const s = store.getState();
      if (!s.byHost[hostId]) return;
      if (inFlight.has(hostId)) stale.add(hostId);
      else void s.fetch(hostId);
    });
  }
  useHostsStore.subscribe((s, prev) => {
    if (s.hosts === prev.hosts) return;
    const ids = new Set(s.hosts.map((h) => h.id));
    const state = store.getState();
    for (const id of Object.keys(state.byHost)) if (!ids.has(id)) state.forgetHost(id);
  });
  return store;
}
