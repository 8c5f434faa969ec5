import { create } from 'zustand';
import { MAX_SUMMARY_IDS, type MiniStatsEntry } from '@shared/contract';
import { api } from '../rpc/api';

/**
 * Mini CPU/memory figures for the containers list. Rows say which containers they show
 * (`watch`); per host there is ONE `stats.summary` subscription covering the rows on screen,
 * re-opened (debounced) when that set changes. Main shares the engine streams behind it.
 */
export interface MiniStatsState {
  /** hostId → containerId → latest figures. */
  byHost: Record<string, Record<string, MiniStatsEntry>>;
}

export const useMiniStatsStore = create<MiniStatsState>()(() => ({ byHost: {} }));

/** Rows currently interested, per host: containerId → number of mounted rows showing it. */
const interest = new Map<string, Map<string, number>>();
const subs = new Map<string, { ids: string; close(): void }>();
const timers = new Map<string, ReturnType<typeof setTimeout>>();
/** Waits this long for the visible rows to settle (scrolling mounts and unmounts many). */
export const RESUBSCRIBE_DELAY_MS = 300;

function resubscribe(hostId: string): void {
  timers.delete(hostId);
  const ids = [...(interest.get(hostId)?.keys() ?? [])].sort().slice(0, MAX_SUMMARY_IDS);
  const key = ids.join(',');
  const current = subs.get(hostId);
  if (current?.ids === key) return;
  // Open the new subscription before closing the old one: shared engine streams stay up.
  let next: { ids: string; close(): void } | undefined;
  if (ids.length > 0) {
    const sub = api.stats.summary(
      { hostId, ids },
      {
        onEvent(summary) {
          const entries: Record<string, MiniStatsEntry> = {};
          for (const item of summary.items) entries[item.id] = item;
          useMiniStatsStore.setState((s) => ({ byHost: { ...s.byHost, [hostId]: entries } }));
        },
        onEnd() {
          if (subs.get(hostId) === next) subs.delete(hostId);
          // Retried when the rows change; a host that went away shows no figures meanwhile.
          useMiniStatsStore.setState((s) => ({ byHost: { ...s.byHost, [hostId]: {} } }));
        },
      },
    );
    next = { ids: key, close: () => sub.close() };
    subs.set(hostId, next);
  } else {
    subs.delete(hostId);
  }
  current?.close();
}

function schedule(hostId: string): void {
  if (timers.has(hostId)) return;
  timers.set(
    hostId,
    setTimeout(() => resubscribe(hostId), RESUBSCRIBE_DELAY_MS),
  );
}

/** A row shows `containerId` of `hostId`; returns the function to call when it no longer does. */
export function watchMiniStats(hostId: string, containerId: string): () => void {
  let ids = interest.get(hostId);
  if (!ids) {
    ids = new Map();
    interest.set(hostId, ids);
  }
  ids.set(containerId, (ids.get(containerId) ?? 0) + 1);
  schedule(hostId);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const map = interest.get(hostId);
    if (!map) return;
    const n = (map.get(containerId) ?? 1) - 1;
    if (n > 0) map.set(containerId, n);
    else map.delete(containerId);
    schedule(hostId);
  };
}
