import { useCallback, useState } from 'react';

export interface SortState<K extends string> {
  key: K;
  dir: 'asc' | 'desc';
}

/**
 * A table's sort: a header click on the sorted column turns its direction; on another column it
 * sorts by that one, in the direction that column reads best first (newest first for dates).
 */
/** `firstDir` should be a module-level function: onSort changes with it. */
export function useSort<K extends string>(
  initial: SortState<K>,
  firstDir: (key: K) => 'asc' | 'desc',
): [SortState<K>, (key: K) => void] {
  const [sort, setSort] = useState(initial);
  const onSort = useCallback(
    (key: K) =>
      setSort((s) =>
        s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: firstDir(key) },
      ),
    [firstDir],
  );
  return [sort, onSort];
}
