import type { AppErrorShape, ImageSummary } from '@shared/contract';
import { api } from '../rpc/api';
import { invoke, type CallName, type CallResultOf } from '../rpc/api';
import type { ActionCall } from '../actions/define';
import { toErrorShape } from '../lib/errors';
import { createHostResourceStore, type HostLoad, NOT_LOADED } from './resource-store';
import { onTaskFinished } from './tasks';

export interface HostImages extends HostLoad {
  items: ImageSummary[];
}

export const EMPTY_HOST_IMAGES: HostImages = {
  items: [],
  ...NOT_LOADED,
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

interface ImageExtras {
  details: DetailsTarget | undefined;
  actionErrors: ImageActionError[];
  openDetails(target: DetailsTarget | undefined): void;
  /**
   * Runs a quick action (untag, remove) built by its descriptor (callOf); on failure keeps a
   * banner titled `title`; refetches either way.
   */
  act<M extends CallName>(
    hostId: string,
    title: string,
    call: ActionCall<M>,
  ): Promise<CallResultOf<M> | undefined>;
  dismissError(id: number): void;
}

let nextErrorId = 1;

/** Each host's images, refetched on image events; a removed host's banners go with it. */
export const useImagesStore = createHostResourceStore<HostImages, ImageExtras>({
  empty: EMPTY_HOST_IMAGES,
  invalidatedBy: ['image'],
  load: async (hostId) => ({ items: await api.images.list({ hostId }) }),
  onForget: (hostId, s) => ({ actionErrors: s.actionErrors.filter((e) => e.hostId !== hostId) }),
  extras: (set, get) => ({
    details: undefined,
    actionErrors: [],
    openDetails: (details) => set({ details }),
    async act(hostId, title, call) {
      try {
        return await invoke(call.method, call.input);
      } catch (e) {
        const err: ImageActionError = { id: nextErrorId++, hostId, title, error: toErrorShape(e) };
        set((s) => ({ actionErrors: [...s.actionErrors, err] }));
        return undefined;
      } finally {
        void get().fetch(hostId);
      }
    },
    dismissError: (id) => set((s) => ({ actionErrors: s.actionErrors.filter((e) => e.id !== id) })),
  }),
});

export type ImagesState = ReturnType<typeof useImagesStore.getState>;

let syncing = false;

/** A finished task (pull, build, copy) changed a host's images: refetch those already shown. */
export function startImageSync(): void {
  if (syncing) return;
  syncing = true;
  onTaskFinished((task) => {
    if (task.state !== 'succeeded') return;
    const store = useImagesStore.getState();
    for (const hostId of [task.hostId, task.targetHostId]) {
      if (hostId && store.byHost[hostId]) void store.fetch(hostId);
    }
  });
}
