import { useCallback, useEffect } from 'react';
import type { StoreApi, UseBoundStore } from 'zustand';
import type { HostLoad, HostResourceState } from '../stores/resource-store';

/**
 * One host's slice of a per-host resource store (stores/resource-store.ts) for the view that
 * shows it: fetched when the view opens or the host changes, the empty slice until then, and a
 * refetch for Refresh, Try again and after an action.
 */
export function useHostResource<H extends HostLoad, S extends HostResourceState<H>>(
  store: UseBoundStore<StoreApi<S>>,
  hostId: string,
  empty: H,
): { data: H; refetch(): void } {
  const data = store((s) => s.byHost[hostId]) ?? empty;
  const fetch = store((s) => s.fetch);
  useEffect(() => {
    void fetch(hostId);
  }, [hostId, fetch]);
  const refetch = useCallback(() => void fetch(hostId), [hostId, fetch]);
  return { data, refetch };
}
