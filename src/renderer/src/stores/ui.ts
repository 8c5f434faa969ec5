import { create } from 'zustand';
import { readStored, writeStored } from '../lib/storage';

export type HostFormTarget = { mode: 'add' } | { mode: 'edit'; hostId: string };
export type ContainerFilter = 'running' | 'all';

export interface Toast {
  id: number;
  tone: 'info' | 'error';
  text: string;
}

const FILTER_KEY = 'berthmaster.containerFilter';

export interface UiState {
  hostForm: HostFormTarget | undefined;
  removeHostId: string | undefined;
  logHostId: string | undefined;
  containerFilter: ContainerFilter;
  toasts: Toast[];

  openHostForm(target: HostFormTarget): void;
  closeHostForm(): void;
  askRemoveHost(id: string | undefined): void;
  showLog(id: string | undefined): void;
  setContainerFilter(f: ContainerFilter): void;
  toast(text: string, tone?: Toast['tone']): void;
  dismissToast(id: number): void;
}

let nextToast = 1;

export const useUiStore = create<UiState>()((set, get) => ({
  hostForm: undefined,
  removeHostId: undefined,
  logHostId: undefined,
  containerFilter: readStored(FILTER_KEY) === 'running' ? 'running' : 'all',
  toasts: [],

  openHostForm: (hostForm) => set({ hostForm }),
  closeHostForm: () => set({ hostForm: undefined }),
  askRemoveHost: (removeHostId) => set({ removeHostId }),
  showLog: (logHostId) => set({ logHostId }),
  setContainerFilter(containerFilter) {
    writeStored(FILTER_KEY, containerFilter);
    set({ containerFilter });
  },
  toast(text, tone = 'info') {
    const id = nextToast++;
    set({ toasts: [...get().toasts, { id, tone, text }] });
    window.setTimeout(() => get().dismissToast(id), tone === 'error' ? 8000 : 4000);
  },
  dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));
