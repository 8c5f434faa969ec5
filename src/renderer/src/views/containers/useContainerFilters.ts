import { useState } from 'react';
import { useContainersStore } from '../../stores/containers';
import type { ContainerFilterProps } from './ContainerFilters';
import { useSort } from '../../hooks/useSort';

/**
 * A containers page's filter (shared by every containers page, kept in the store) and its own
 * search text (the page is keyed by host, so switching hosts starts with an empty search).
 */
export function useContainerFilters(): ContainerFilterProps {
  const filter = useContainersStore((s) => s.filter);
  const onFilter = useContainersStore((s) => s.setFilter);
  const [search, onSearch] = useState('');
  return { filter, onFilter, search, onSearch };
}

/** Dates sort newest first; hosts, names and states A to Z. */
const newestFirst = (key: string) => (key === 'created' ? 'desc' : 'asc');

/** A containers table's sort, by the column `first` to begin with. */
export function useContainerSort<K extends string>(first: K) {
  return useSort<K>({ key: first, dir: 'asc' }, newestFirst);
}
