import { create } from 'zustand';

/** A volume, a container or a compose project, as the mobility dialogs need it. */
export type MobilityDialog =
  | { kind: 'volume-copy' | 'volume-backup' | 'volume-restore'; hostId: string; volume: string }
  | { kind: 'container-move' | 'container-clone'; hostId: string; containerId: string; name: string }
  | { kind: 'stack-transfer'; hostId: string; project: string }
  | {
      kind: 'forward';
      hostId: string;
      containerId: string;
      name: string;
      port?: number;
      openAfter?: boolean;
    };

interface MobilityState {
  /** The one mobility dialog open now (app-wide: views only ask for it). */
  dialog: MobilityDialog | undefined;
  open(dialog: MobilityDialog): void;
  close(): void;
}

/** Which "move work between hosts" dialog is open; views/Dialogs.tsx mounts it. */
export const useMobilityStore = create<MobilityState>()((set) => ({
  dialog: undefined,
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: undefined }),
}));
