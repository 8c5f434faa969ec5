import { create } from 'zustand';

export interface DetailsTarget {
  hostId: string;
  containerId: string;
  name: string;
}

/** Which container's details are open (one at a time), and which of its tabs. */
export const useDetailsStore = create<{
  target: DetailsTarget | undefined;
  tab: string;
  open(target: DetailsTarget, tab?: string): void;
  close(): void;
  setTab(tab: string): void;
}>()((set) => ({
  target: undefined,
  tab: 'overview',
  open: (target, tab) => set((s) => ({ target, tab: tab ?? s.tab })),
  close: () => set({ target: undefined }),
  setTab: (tab) => set({ tab }),
}));
