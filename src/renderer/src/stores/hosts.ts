import { create } from 'zustand';
import type {
  AppErrorShape,
  ConnectionLogEntry,
  EngineInfo,
  HostStatus,
  HostView,
  HostsSnapshot,
} from '@shared/contract';
import { api } from '../rpc/api';
import { pageWatch } from './page-watch';
import { toErrorShape } from '../lib/errors';
import { readStored, writeStored } from '../lib/storage';

const SELECTED_KEY = 'berthmaster.selectedHostId';

import type { HostAddInput } from '../lib/forms/host-form';
export type { HostAddInput };
export type HostUpdateInput = Parameters<typeof api.hosts.update>[0];
export type HostTestInput = Parameters<typeof api.hosts.test>[0];
export type TrustHostKeyInput = Parameters<typeof api.hosts.trustHostKey>[0];

export interface HostsState {
  hosts: HostView[];
  statuses: Record<string, HostStatus>;
  /**
   * The last error status of each host that has not connected since, so a reconnect attempt
   * (state "connecting") can keep explaining what went wrong instead of flashing a spinner.
   */
  lastErrors: Record<string, HostStatus>;
  notice: string | undefined;
  /** A notice the user closed; hidden until the backend reports a different one. */
  dismissedNotice: string | undefined;
  /** The first snapshot arrived. */
  loaded: boolean;
  /** The watch stream ended with an error: the backend is gone. */
  streamError: AppErrorShape | undefined;
  selectedHostId: string | undefined;

  select(id: string): void;
  dismissNotice(): void;
  add(input: HostAddInput): Promise<HostView>;
  update(input: HostUpdateInput): Promise<HostView>;
  remove(id: string): Promise<void>;
  reorder(ids: string[]): Promise<void>;
  move(id: string, delta: -1 | 1): Promise<void>;
  test(input: HostTestInput, signal?: AbortSignal): Promise<EngineInfo>;
  trustHostKey(input: TrustHostKeyInput): Promise<void>;
  reconnect(id: string): Promise<void>;
  connectionLog(id: string): Promise<ConnectionLogEntry[]>;
}

/** Keeps the selection valid: the remembered host if it still exists, else the first. */
function resolveSelection(hosts: HostView[], current: string | undefined): string | undefined {
  if (current && hosts.some((h) => h.id === current)) return current;
  const stored = readStored(SELECTED_KEY);
  if (stored && hosts.some((h) => h.id === stored)) return stored;
  return hosts[0]?.id;
}

export const useHostsStore = create<HostsState>()((set, get) => ({
  hosts: [],
  statuses: {},
  lastErrors: {},
  notice: undefined,
  dismissedNotice: undefined,
  loaded: false,
  streamError: undefined,
  selectedHostId: undefined,

  select(id) {
    if (!get().hosts.some((h) => h.id === id)) return;
    writeStored(SELECTED_KEY, id);
    set({ selectedHostId: id });
  },

  dismissNotice() {
    set({ dismissedNotice: get().notice });
  },

  async add(input) {
    const host = await api.hosts.add(input);
    // The snapshot that lists the new host may arrive after the reply.
    if (!get().hosts.some((h) => h.id === host.id)) set({ hosts: [...get().hosts, host] });
    get().select(host.id);
    return host;
  },

  async update(input) {
    const host = await api.hosts.update(input);
    set({ hosts: get().hosts.map((h) => (h.id === host.id ? host : h)) });
    return host;
  },

  async remove(id) {
    const before = get().hosts;
    const index = before.findIndex((h) => h.id === id);
    await api.hosts.remove({ id });
    const hosts = get().hosts.filter((h) => h.id !== id);
    let selectedHostId = get().selectedHostId;
    if (selectedHostId === id) {
      // Select the neighbour that takes the removed host's place.
      selectedHostId = (hosts[Math.min(index, hosts.length - 1)] ?? hosts[0])?.id;
      writeStored(SELECTED_KEY, selectedHostId ?? null);
    }
    set({ hosts, selectedHostId });
  },

  async reorder(ids) {
    const previous = get().hosts;
    const byId = new Map(previous.map((h) => [h.id, h]));
    const optimistic = ids.map((id) => byId.get(id)).filter((h): h is HostView => h !== undefined);
    if (optimistic.length === previous.length) set({ hosts: optimistic });
    try {
      const hosts = await api.hosts.reorder({ ids });
      set({ hosts });
    } catch (e) {
      set({ hosts: previous });
      throw e;
    }
  },

  async move(id, delta) {
    const ids = get().hosts.map((h) => h.id);
    const i = ids.indexOf(id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
    await get().reorder(ids);
  },

  test(input, signal) {
    return api.hosts.test(input, signal ? { signal } : undefined);
  },

  trustHostKey(input) {
    return api.hosts.trustHostKey(input);
  },

  reconnect(id) {
    return api.hosts.reconnect({ id });
  },

  connectionLog(id) {
    return api.hosts.connectionLog({ id });
  },
}));

function nextLastErrors(prev: Record<string, HostStatus>, statuses: Record<string, HostStatus>) {
  const next: Record<string, HostStatus> = {};
  for (const [id, status] of Object.entries(statuses)) {
    if (status.state === 'error') next[id] = status;
    else if (status.state === 'connecting' && prev[id]) next[id] = prev[id];
  }
  return next;
}

function applySnapshot(snap: HostsSnapshot) {
  const { selectedHostId, lastErrors } = useHostsStore.getState();
  useHostsStore.setState({
    hosts: snap.hosts,
    statuses: snap.statuses,
    lastErrors: nextLastErrors(lastErrors, snap.statuses),
    notice: snap.notice,
    loaded: true,
    streamError: undefined,
    selectedHostId: resolveSelection(snap.hosts, selectedHostId),
  });
}

/** Subscribes to `hosts.watch` once for the life of the window. */
export const startHostsWatch = pageWatch<HostsSnapshot>({
  open: (handlers) => api.hosts.watch({}, handlers),
  onEvent: applySnapshot,
  onEnd(error) {
    if (error) useHostsStore.setState({ streamError: toErrorShape(error) });
    // The backend closed the stream without a reason: ask again.
    return error ? undefined : 1000;
  },
});

/** Convenience selectors. */
export const selectSelectedHost = (s: HostsState): HostView | undefined =>
  s.hosts.find((h) => h.id === s.selectedHostId);

export const selectSelectedStatus = (s: HostsState): HostStatus | undefined =>
  s.selectedHostId ? s.statuses[s.selectedHostId] : undefined;
