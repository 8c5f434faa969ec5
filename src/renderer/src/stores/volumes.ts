import type { VolumeSummary } from '@shared/contract';
import { api } from '../rpc/api';
import { createHostResourceStore, type HostLoad, NOT_LOADED } from './resource-store';

export interface HostVolumes extends HostLoad {
  items: VolumeSummary[];
}

export const EMPTY_HOST_VOLUMES: HostVolumes = {
  items: [],
  ...NOT_LOADED,
};

export type VolumeFilter = 'all' | 'unused';

interface VolumeViewState {
  filter: VolumeFilter;
  setFilter(f: VolumeFilter): void;
}

/**
 * The volumes of each host. Listing asks the engine for disk usage (sizes, reference counts), which
 * is expensive: fetched on view and after changes, not polled.
 */
export const useVolumesStore = createHostResourceStore<HostVolumes, VolumeViewState>({
  empty: EMPTY_HOST_VOLUMES,
  invalidatedBy: ['volume'],
  load: async (hostId) => ({ items: await api.volumes.list({ hostId }) }),
  extras: (set) => ({ filter: 'all', setFilter: (filter) => set({ filter }) }),
});
