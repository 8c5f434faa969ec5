import { create } from 'zustand';
import type { AppErrorShape, ImageSummary } from '@shared/contract';
import { api } from '../rpc/api';
import { toErrorShape } from '../lib/errors';
import { onInvalidate } from '../lib/invalidation';
import { useHostsStore } from './hosts';
import { onTaskFinished } from './tasks';

export interface HostImages {
  items: ImageSummary[];
  loading: boolean;
  error: AppErrorShape | undefined;
  fetchedAt: number | undefined;
}

export const EMPTY_HOST_IMAGES: HostImages = {
  items: [],
  loading: false,
  error: undefined,
  fetchedAt: undefined,
};

export interface ImageActionError {
  id: number;
  hostId: string;
  title: string;
  error: AppErrorShape;
}

export interface DetailsTarget {
  hostId: string;
  imageId: string;
}

export interface ImagesState {
  byHost: Record<string, HostImages>;
  details: DetailsTarget | undefined;
  actionErrors: ImageActionError[];

  fetch(hostId: string): Promise<void>;
  openDetails(target: DetailsTarget | undefined): void;
  /** Runs a quick action (tag, untag, remove); on failure keeps a banner; refetches either way. */
  act<T>(hostId: string, title: string, run: () => Promise<T>): Promise<T | undefined>;
  dismissError(id: number): void;
  forgetHost(hostId: string): void;
}

const inFlight = new Map<string, Promise<void>>();
let nextErrorId = 1;

export const useImagesStore = create<ImagesState>()((set, get) => {
  const patch = (hostId: string, p: Partial<HostImages>) =>
    set((s) => ({ byHost: { ...s.byHost, [hostId]: { ...(s.byHost[hostId] ?? EMPTY_HOST_IMAGES), ...p } } }));

  return {
    byHost: {},
    details: undefined,
    actionErrors: [],

    fetch(hostId) {
      const pending = inFlight.get(hostId);
      if (pending) return pending;
      patch(hostId, { loading: true });
      const p = (async () => {
        try {
          const items = await api.images.list({ hostId });
          patch(hostId, { items, loading: false, error: undefined, fetchedAt: Date.now() });
        } catch (e) {
          patch(hostId, { loading: false, error: toErrorShape(e) });
        } finally {
          inFlight.delete(hostId);
        }
      })();
      inFlight.set(hostId, p);
      return p;
    },

    openDetails: (details) => set({ details }),

    async act(hostId, title, run) {
      try {
        return await run();
      } catch (e) {
        const err: ImageActionError = { id: nextErrorId++, hostId, title, error: toErrorShape(e) };
        set((s) => ({ actionErrors: [...s.actionErrors, err] }));
        return undefined;
      } finally {
        void get().fetch(hostId);
      }
    },

    dismissError: (id) => set((s) => ({ actionErrors: s.actionErrors.filter((e) => e.id !== id) })),

    forgetHost(hostId) {
      set((s) => {
        const byHost = { ...s.byHost };
        delete byHost[hostId];
        return { byHost, actionErrors: s.actionErrors.filter((e) => e.hostId !== hostId) };
      });
    },
  };
});

let syncing = false;

/**
 * Refetches a host's images when the engine reports an image (or container) change, or a task
 * changed them; forgets removed hosts.
 */
export function startImageSync(): void {
  if (syncing) return;
  syncing = true;
  onInvalidate('image', (hostId) => {
    const store = useImagesStore.getState();
    if (store.byHost[hostId]) void store.fetch(hostId);
  });
  onTaskFinished((task) => {
    if (task.state !== 'succeeded') return;
    const store = useImagesStore.getState();
    for (const hostId of [task.hostId, task.targetHostId]) {
      if (hostId && store.byHost[hostId]) void store.fetch(hostId);
    }
  });
  useHostsStore.subscribe((s, prev) => {
    if (s.hosts === prev.hosts) return;
    const ids = new Set(s.hosts.map((h) => h.id));
    const images = useImagesStore.getState();
    for (const id of Object.keys(images.byHost)) if (!ids.has(id)) images.forgetHost(id);
  });
}
