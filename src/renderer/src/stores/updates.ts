import { create } from 'zustand';
import type {
  AppErrorShape,
  ContainerUpdateStatus,
  HostUpdateStatus,
  UpdatesSnapshot,
} from '@shared/contract';
import type { Subscription } from '@shared/rpc/client';
import { toErrorShape } from '../lib/errors';
import { api } from '../rpc/api';

/** "hostId/containerId": the key of a container's update status. */
export const updateKey = (hostId: string, containerId: string): string => `${hostId}/${containerId}`;

interface UpdatesState {
  snapshot: UpdatesSnapshot | undefined;
  /** Each container's status by updateKey(). */
  byContainer: Record<string, ContainerUpdateStatus>;
  byHost: Record<string, HostUpdateStatus>;
  checking: boolean;
  /** A failed "Check now" or a lost stream. */
  error: AppErrorShape | undefined;
  /** The containers toolbars' "Updates available" switch (shared by every host's list). */
  onlyUpdates: boolean;
  setOnlyUpdates(on: boolean): void;
  checkNow(hostIds?: string[]): Promise<void>;
}

function index(snapshot: UpdatesSnapshot): Pick<UpdatesState, 'snapshot' | 'byContainer' | 'byHost'> {
  return {
    snapshot,
    byContainer: Object.fromEntries(snapshot.containers.map((c) => [updateKey(c.hostId, c.containerId), c])),
    byHost: Object.fromEntries(snapshot.hosts.map((h) => [h.hostId, h])),
  };
}

export const useUpdatesStore = create<UpdatesState>()((set) => ({
  snapshot: undefined,
  byContainer: {},
  byHost: {},
  checking: false,
  error: undefined,
  onlyUpdates: false,
  setOnlyUpdates: (on) => set({ onlyUpdates: on }),
  async checkNow(hostIds) {
    set({ checking: true, error: undefined });
    try {
      const snap = await api.updates.check(hostIds ? { hostIds, force: true } : { force: true });
      set({ ...index(snap), checking: false });
    } catch (e) {
      set({ checking: false, error: toErrorShape(e) });
    }
  },
}));

/** Containers whose image has a newer one to move to (in the registry or already pulled). */
export function hasUpdate(s: ContainerUpdateStatus | undefined): boolean {
  return s?.state === 'update-available' || s?.state === 'newer-pulled';
}

let subscription: Subscription | undefined;

/** Follows the update states of every container for the life of the page. */
export function startUpdatesWatch(): void {
  if (subscription) return;
  subscription = api.updates.watch(
    {},
    {
      onEvent: (snap) => useUpdatesStore.setState({ ...index(snap), error: undefined }),
      onEnd(error) {
        subscription = undefined;
        if (error) useUpdatesStore.setState({ error: toErrorShape(error) });
        // Anything but a lost backend: follow again (the first event is a full snapshot).
        if (error && error.code !== 'INTERNAL') setTimeout(startUpdatesWatch, 2000);
      },
    },
  );
}
