import type { ComposeStackSummary } from '@shared/contract';
import { api } from '../rpc/api';
import { createHostResourceStore, type HostLoad, NOT_LOADED } from './resource-store';

export interface HostStacks extends HostLoad {
  items: ComposeStackSummary[];
}

export const EMPTY_HOST_STACKS: HostStacks = {
  items: [],
  ...NOT_LOADED,
};

/** The compose projects of each host (found by labels, plus the app's stored ones). */
export const useStacksStore = createHostResourceStore<HostStacks>({
  empty: EMPTY_HOST_STACKS,
  // A stack's state is its containers' (or, deployed to a swarm, its services') state.
  invalidatedBy: ['container', 'network', 'volume', 'swarm'],
  async load(hostId) {
    return { items: await api.stacks.list({ hostId }) };
  },
});
