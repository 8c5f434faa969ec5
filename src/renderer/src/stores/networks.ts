import type { NetworkCapabilities, NetworkSummary } from '@shared/contract';
import { api } from '../rpc/api';
import { createHostResourceStore, type HostLoad, NOT_LOADED } from './resource-store';

export interface HostNetworks extends HostLoad {
  items: NetworkSummary[];
  /** Which drivers the create form may offer (overlay only on a swarm manager). */
  capabilities: NetworkCapabilities | undefined;
}

export const EMPTY_HOST_NETWORKS: HostNetworks = {
  items: [],
  ...NOT_LOADED,
  capabilities: undefined,
};

/** The networks of each host, fetched on demand, refetched on network events. */
export const useNetworksStore = createHostResourceStore<HostNetworks>({
  empty: EMPTY_HOST_NETWORKS,
  invalidatedBy: ['network'],
  async load(hostId) {
    const [items, capabilities] = await Promise.all([
      api.networks.list({ hostId }),
      // Only the create form's driver list depends on it: not worth failing the list for.
      api.networks.capabilities({ hostId }).catch(() => undefined),
    ]);
    return { items, capabilities };
  },
});
