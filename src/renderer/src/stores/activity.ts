import { create } from 'zustand';
import type { EngineEvent } from '@shared/contract';

export const ACTIVITY_LIMIT = 1000;

/** The last engine events from every host, newest last. */
export const useActivityStore = create<{
  events: EngineEvent[];
  add(events: EngineEvent[]): void;
  seed(events: EngineEvent[]): void;
}>()((set) => ({
  events: [],
  add: (events) =>
    set((s) => {
      const next = s.events.concat(events);
      return { events: next.length > ACTIVITY_LIMIT ? next.slice(-ACTIVITY_LIMIT) : next };
    }),
  seed: (events) =>
    set((s) => {
      const seen = new Set(s.events.map((e) => `${e.hostId}|${e.timeNano}|${e.id}|${e.action}`));
      const merged = events
        .filter((e) => !seen.has(`${e.hostId}|${e.timeNano}|${e.id}|${e.action}`))
        .concat(s.events)
        .sort((a, b) => (a.timeNano < b.timeNano ? -1 : a.timeNano > b.timeNano ? 1 : 0));
      return { events: merged.slice(-ACTIVITY_LIMIT) };
    }),
}));
