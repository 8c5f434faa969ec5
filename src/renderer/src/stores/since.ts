import { create } from 'zustand';
import { useHostsStore } from './hosts';
import { nextSince, type Since } from '../lib/host-groups';

/** Since when each host has been connected, or not (see nextSince). */
export const useSinceStore = create<{ byHost: Record<string, Since> }>()(() => ({
  byHost: nextSince({}, useHostsStore.getState().statuses),
}));

useHostsStore.subscribe((s, prev) => {
  if (s.statuses === prev.statuses) return;
  useSinceStore.setState({ byHost: nextSince(useSinceStore.getState().byHost, s.statuses) });
});
