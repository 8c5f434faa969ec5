import { useEffect, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { HEADER_HEIGHT } from '../lib/row-height';

/**
 * Virtualizes a containers table's body below its header: only the rows in view are in the DOM.
 * Row heights depend on each row's kind and the density, so they are measured again whenever the
 * rows or the size estimate change.
 */
export function useTableRows<T>(
  items: T[],
  scrollRef: RefObject<HTMLDivElement | null>,
  estimateSize: (index: number) => number,
  keyOf: (item: T) => string,
) {
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: 6,
    scrollMargin: HEADER_HEIGHT,
    getItemKey: (i) => {
      const it = items[i];
      return it === undefined ? i : keyOf(it);
    },
  });
  useEffect(() => virtualizer.measure(), [items, virtualizer, estimateSize]);
  return virtualizer;
}
