import { create } from 'zustand';
import { readStored, writeStored } from '../lib/storage';

/** The log viewer's remembered choices (users set the same tail every time otherwise). */
export interface LogPrefs {
  wrap: boolean;
  timestamps: boolean;
  /** Lines to load from the end, or every line. */
  tail: number | 'all';
}

export const DEFAULT_LOG_TAIL = 1000;
const KEY = 'berthmaster.logPrefs';

function load(): LogPrefs {
  const fallback: LogPrefs = { wrap: false, timestamps: false, tail: DEFAULT_LOG_TAIL };
  try {
    const raw = JSON.parse(readStored(KEY) ?? '{}') as Partial<Record<keyof LogPrefs, unknown>>;
    const tail =
      raw.tail === 'all' || (typeof raw.tail === 'number' && Number.isInteger(raw.tail) && raw.tail > 0)
        ? raw.tail
        : fallback.tail;
    return {
      wrap: typeof raw.wrap === 'boolean' ? raw.wrap : fallback.wrap,
      timestamps: typeof raw.timestamps === 'boolean' ? raw.timestamps : fallback.timestamps,
      tail,
    };
  } catch {
    return fallback;
  }
}

export const useLogPrefs = create<LogPrefs & { set(patch: Partial<LogPrefs>): void }>()((set, get) => ({
  ...load(),
  set(patch) {
    set(patch);
    const { wrap, timestamps, tail } = get();
    writeStored(KEY, JSON.stringify({ wrap, timestamps, tail }));
  },
}));
