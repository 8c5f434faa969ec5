import { create } from 'zustand';
import type { MergedSelector } from '@shared/contract';

interface MergedLogsState {
  /** What the merged logs page follows (set there, or by "Merged logs" on a selection elsewhere). */
  selector: MergedSelector | undefined;
  follow(selector: MergedSelector | undefined): void;
}

export const useMergedLogsStore = create<MergedLogsState>()((set) => ({
  selector: undefined,
  follow: (selector) => set({ selector }),
}));
