import { create } from 'zustand';
import { onInvalidate } from '../lib/invalidation';
import type { AppErrorShape, NetworkCapabilities, NetworkSummary } from '@shared/contract';
import { api } from '../rpc/api';
import { toErrorShape } from '../lib/errors';

export interface HostNetworks {
  items: NetworkSummary[];
  loading: boolean;
  error: AppErrorShape | undefined;
  fetchedAt: number | undefined;
  /** Which drivers the create form may offer (overlay only on a swarm manager). */
  capabilities: NetworkCapabilities | undefined;
}

export const EMPTY_HOST_NETWORKS: HostNetworks = {
  items: [],
  loading: false,
  error: undefined,
  fetchedAt: undefined,
  capabilities: undefined,
};

interface NetworksState {
  byHost: Record<string, HostNetworks>;
  fetch(hostId: string): Promise<void>;
  forgetHost(hostId: string): void;
}

const inFlight = new Map<string, Promise<void>>();

/** The networks of each host, fetched on demand (one request per host at a time). */
export const useNetworksStore = create<NetworksState>()((set) => {
  const patch = (hostId: string, p: Partial<HostNetworks>) =>
    set((s) => ({
      byHost: { ...s.byHost, [hostId]: { ...(s.byHost[hostId] ?? EMPTY_HOST_NETWORKS), ...p } },
    }));
  return {
    byHost: {},
    fetch(hostId) {
      const pending = inFlight.get(hostId);
      if (pending) return pending;
      patch(hostId, { loading: true });
      const p = (async () => {
        try {
          const [items, capabilities] = await Promise.all([
            api.networks.list({ hostId }),
            // Only the create form's driver list depends on it: not worth failing the list for.
            api.networks.capabilities({ hostId }).catch(() => undefined),
          ]);
          patch(hostId, { items, capabilities, loading: false, error: undefined, fetchedAt: Date.now() });
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
onInvalidate('network', (hostId) => {
  const state = useNetworksStore.getState();
  if (state.byHost[hostId]) void state.fetch(hostId);
});
