import { create } from 'zustand';

/** Dialogs of the desktop feature: importing Docker contexts, exporting a host as one. */
interface DesktopUiState {
  contextsOpen: boolean;
  exportHostId: string | undefined;
  openContexts(): void;
  closeContexts(): void;
  askExport(hostId: string | undefined): void;
}

export const useDesktopUiStore = create<DesktopUiState>()((set) => ({
  contextsOpen: false,
  exportHostId: undefined,
  openContexts: () => set({ contextsOpen: true }),
  closeContexts: () => set({ contextsOpen: false }),
  askExport: (exportHostId) => set({ exportHostId }),
}));
