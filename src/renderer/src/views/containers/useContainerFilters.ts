import { useState } from 'react';
import { useContainersStore } from '../../stores/containers';
import type { ContainerFilterProps } from './ContainerFilters';

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
