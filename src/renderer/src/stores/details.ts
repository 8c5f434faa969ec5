import { create } from 'zustand';
import type { AppErrorShape, ContainerInspectView } from '@shared/contract';
import { api } from '../rpc/api';
import { toErrorShape } from '../lib/errors';

export interface DetailsTarget {
  hostId: string;
  containerId: string;
  name: string;
}

interface DetailsState {
  target: DetailsTarget | undefined;
  tab: string;
  /** The engine's inspect of the open container (Overview and Inspect tabs). */
  view: ContainerInspectView | undefined;
  loading: boolean;
  error: AppErrorShape | undefined;
  open(target: DetailsTarget, tab?: string): void;
  /** The same container under a new id or name (after "Edit and recreate" or a rename). */
  retarget(target: DetailsTarget): void;
  close(): void;
  setTab(tab: string): void;
  /** (Re)loads the inspect document of the open container. */
  load(): Promise<void>;
}

const sameTarget = (a: DetailsTarget | undefined, b: DetailsTarget | undefined) =>
  a?.hostId === b?.hostId && a?.containerId === b?.containerId;

/** Which container's details are open (one at a time), which of its tabs, and its inspect. */
export const useDetailsStore = create<DetailsState>()((set, get) => ({
  target: undefined,
  tab: 'overview',
  view: undefined,
  loading: false,
  error: undefined,
  open: (target, tab) =>
    set((s) => ({
      target,
      tab: tab ?? s.tab,
      ...(sameTarget(s.target, target) ? {} : { view: undefined, error: undefined }),
    })),
  retarget: (target) => set({ target }),
  close: () => set({ target: undefined, view: undefined, error: undefined }),
  setTab: (tab) => set({ tab }),
  async load() {
    const target = get().target;
    if (!target) return;
    set({ loading: true });
    try {
      const view = await api.containers.inspect({ hostId: target.hostId, id: target.containerId });
      if (sameTarget(get().target, target)) set({ view, error: undefined, loading: false });
    } catch (e) {
      if (sameTarget(get().target, target)) set({ error: toErrorShape(e), loading: false });
    }
  },
}));
