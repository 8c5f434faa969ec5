import { useEffect } from 'react';
import { refreshDisk, useOverviewStore, type HostOverview } from '../stores/overview';

/** Engine facts and disk totals per connected host (ids joined by ","), fetched as hosts connect. */
export function useOverviewData(connectedIds: string): Record<string, HostOverview> {
  useEffect(() => {
    const store = useOverviewStore.getState();
    for (const id of connectedIds.split(',').filter(Boolean))
      void store.fetch(id).then(() => refreshDisk(id));
  }, [connectedIds]);
  return useOverviewStore((s) => s.byHost);
}
