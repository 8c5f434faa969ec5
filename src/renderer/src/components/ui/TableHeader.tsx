import { useEffect, useRef } from 'react';
import type { SortKey } from '../../lib/container-filter';
import { SortHeaderCells, type Column } from './SortHeaderCells';

/** Height of the header row: the virtualized body starts below it. */
export { HEADER_HEIGHT } from '../../lib/row-height';

export type { Column } from './SortHeaderCells';

/** The container columns every containers table shows (a page may put its own in front). */
export const CONTAINER_COLUMNS: Column<SortKey>[] = [
  { label: 'Name', sortKey: 'name', className: 'cell-name' },
  { label: 'Image', sortKey: 'image', className: 'cell-image' },
  { label: 'State', sortKey: 'state', className: 'cell-state' },
  { label: 'Status', className: 'cell-status' },
  { label: 'Health', sortKey: 'health', className: 'cell-health' },
  { label: 'Ports', className: 'cell-ports' },
  { label: 'Created', sortKey: 'created', className: 'cell-created' },
  { label: 'Project', sortKey: 'project', className: 'cell-project' },
  { label: 'Actions', className: 'cell-actions', hideLabel: true },
];

export interface SelectAllProps {
  /** How many rows the filter lets through. */
  total: number;
  /** How many of them are selected. */
  selected: number;
  onSelectAll(on: boolean): void;
}

/** "Select all" checkbox: checked when every row is selected, mixed when some are. */
function SelectAll({ total, selected, onSelectAll }: SelectAllProps) {
  const ref = useRef<HTMLInputElement>(null);
  const all = total > 0 && selected === total;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = selected > 0 && !all;
  }, [selected, all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="row-check"
      aria-label="Select all"
      checked={all}
      disabled={total === 0}
      onChange={(e) => onSelectAll(e.target.checked)}
    />
  );
}

export interface TableHeaderProps<K extends string> extends SelectAllProps {
  columns: Column<K>[];
  sort: { key: K; dir: 'asc' | 'desc' };
  onSort(key: K): void;
}

/** A containers table's header row: select all, then the columns, the sortable ones as buttons. */
export function TableHeader<K extends string>({ columns, sort, onSort, ...select }: TableHeaderProps<K>) {
  return (
    <div role="rowgroup" className="ctable-head">
      <div role="row" className="ctable-row ctable-header-row" aria-rowindex={1}>
        <div role="columnheader" className="ctable-cell cell-select">
          <SelectAll {...select} />
        </div>
        <SortHeaderCells columns={columns} sort={sort} onSort={onSort} />
      </div>
    </div>
  );
}
