import type { VirtualItem, Virtualizer } from '@tanstack/react-virtual';

/** The rows a virtualizer has in view, each with its item (where it stands); missing rows are left out. */
export function visibleRows<T, S extends Element>(
  virtualizer: Virtualizer<S, Element>,
  rows: readonly T[],
): Array<{ row: T; item: VirtualItem }> {
  return virtualizer.getVirtualItems().flatMap((item) => {
    const row = rows[item.index];
    return row === undefined ? [] : [{ row, item }];
  });
}
