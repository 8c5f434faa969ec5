import { create } from 'zustand';
import { useHostsStore } from './hosts';

/**
 * Which page fills the main area: the selected host (`null`) or one of the app-wide pages listed
 * in views/pages.tsx (overview, all containers, settings...), by id.
 */
interface ViewState {
  page: string | null;
  showPage(id: string): void;
  showHost(): void;
  /** Kept for callers that only know the overview. */
  showOverview(): void;
}

export const useViewStore = create<ViewState>()((set) => ({
  page: null,
  showPage: (id) => set({ page: id }),
  showHost: () => set({ page: null }),
  showOverview: () => set({ page: 'overview' }),
}));

// Picking a host by any means (click, Ctrl+1..9, palette) leaves the app-wide page.
useHostsStore.subscribe((s, prev) => {
  if (s.selectedHostId !== prev.selectedHostId) useViewStore.getState().showHost();
});
