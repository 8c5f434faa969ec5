import { useCallback, useState } from 'react';
import type { ContainerSummary } from '@shared/contract';
import { useContainersStore } from '../../stores/containers';
import { useNow } from '../../hooks/useNow';
import { useSort } from '../../hooks/useSort';
import type { ContainerFilterProps } from './ContainerFilters';

/**
 * A containers page's filter (shared by every containers page, kept in the store) and its own
 * search text (the page is keyed by host, so switching hosts starts with an empty search).
 */
function useContainerFilters(): ContainerFilterProps {
  const filter = useContainersStore((s) => s.filter);
  const onFilter = useContainersStore((s) => s.setFilter);
  const [search, onSearch] = useState('');
  return { filter, onFilter, search, onSearch };
}

/** Dates sort newest first; hosts, names and states A to Z. */
const newestFirst = (key: string) => (key === 'created' ? 'desc' : 'asc');

/** The "More actions" menu a row opened: for which container, under which button. */
export interface OpenMenu {
  c: ContainerSummary;
  anchor: HTMLElement;
}

/**
 * What both containers pages keep for their table besides the data: the filter and search, the
 * sort (by `firstSort` to begin with), the open row menu and the clock of "5 min ago".
 */
export function useContainerList<K extends string>(firstSort: K) {
  const filters = useContainerFilters();
  const [sort, onSort] = useSort<K>({ key: firstSort, dir: 'asc' }, newestFirst);
  const [menu, setMenu] = useState<OpenMenu>();
  const now = useNow(30_000);
  const onMenu = useCallback((c: ContainerSummary, anchor: HTMLElement) => setMenu({ c, anchor }), []);
  const closeMenu = useCallback(() => setMenu(undefined), []);
  return { filters, sort, onSort, menu, onMenu, closeMenu, now };
}
