import { create } from 'zustand';
import { useHostsStore } from './hosts';

/** Whether the main area shows the all-hosts overview or the selected host. */
export const useViewStore = create<{ overview: boolean; showOverview(): void; showHost(): void }>()(
  (set) => ({
    overview: false,
    showOverview: () => set({ overview: true }),
    showHost: () => set({ overview: false }),
  }),
);

// Picking a host by any means (click, Ctrl+1..9, palette) leaves the overview.
useHostsStore.subscribe((s, prev) => {
  if (s.selectedHostId !== prev.selectedHostId) useViewStore.getState().showHost();
});
