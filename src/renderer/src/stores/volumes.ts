import { create } from 'zustand';
import { onInvalidate } from '../lib/invalidation';
import type { AppErrorShape, VolumeSummary } from '@shared/contract';
import { api } from '../rpc/api';
import { toErrorShape } from '../lib/errors';

export interface HostVolumes {
  items: VolumeSummary[];
  loading: boolean;
  error: AppErrorShape | undefined;
  fetchedAt: number | undefined;
}

export const EMPTY_HOST_VOLUMES: HostVolumes = {
  items: [],
  loading: false,
  error: undefined,
  fetchedAt: undefined,
};

export type VolumeFilter = 'all' | 'unused';

interface VolumesState {
  byHost: Record<string, HostVolumes>;
  filter: VolumeFilter;
  setFilter(f: VolumeFilter): void;
  fetch(hostId: string): Promise<void>;
  forgetHost(hostId: string): void;
}

const inFlight = new Map<string, Promise<void>>();

/**
 * The volumes of each host. Listing asks the engine for disk usage (sizes, reference counts), which
 * is expensive: fetched on view and after changes, not polled.
 */
export const useVolumesStore = create<VolumesState>()((set) => {
  const patch = (hostId: string, p: Partial<HostVolumes>) =>
    set((s) => ({
      byHost: { ...s.byHost, [hostId]: { ...(s.byHost[hostId] ?? EMPTY_HOST_VOLUMES), ...p } },
    }));
  return {
    byHost: {},
    filter: 'all',
    setFilter: (filter) => set({ filter }),
    fetch(hostId) {
      const pending = inFlight.get(hostId);
      if (pending) return pending;
      patch(hostId, { loading: true });
      const p = (async () => {
        try {
          const items = await api.volumes.list({ hostId });
          patch(hostId, { items, loading: false, error: undefined, fetchedAt: Date.now() });
        } catch (e) {
          patch(hostId, { loading: false, error: toErrorShape(e) });
        } finally {
          inFlight.delete(hostId);
        }
      })();
      inFlight.set(hostId, p);
      return p;
    },
    forgetHost(hostId) {
      set((s) => {
        const byHost = { ...s.byHost };
        delete byHost[hostId];
        return { byHost };
      });
    },
  };
});

// Engine events: refetch a host's list only if this view has loaded it.
onInvalidate('volume', (hostId) => {
  const state = useVolumesStore.getState();
  if (state.byHost[hostId]) void state.fetch(hostId);
});
