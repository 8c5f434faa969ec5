import type { StoreApi, UseBoundStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';

/**
 * Several fields of a zustand store in one subscription, instead of one selector line per field:
 * the component re-renders when one of them changes (compared one by one, as separate selectors
 * would), never on a change to a field it did not pick. Actions are stable, so picking them is free.
 */
export function usePick<S extends object, K extends keyof S>(
  store: UseBoundStore<StoreApi<S>>,
  ...keys: K[]
): Pick<S, K> {
  return store(
    useShallow((s: S) => {
      const picked = {} as Pick<S, K>;
      for (const k of keys) picked[k] = s[k];
      return picked;
    }),
  );
}
