import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ContainerSummary } from '@shared/contract';
import { busyKey, type ContainerAction } from '../../stores/containers';
import { ContainerRow } from './ContainerRow';
import type { Sort, SortKey } from './filter';

export const ROW_HEIGHT = 48;
export const HEADER_HEIGHT = 34;

interface Column {
  label: string;
  sortKey?: SortKey;
  className: string;
}

const COLUMNS: Column[] = [
  { label: 'Name', sortKey: 'name', className: 'cell-name' },
  { label: 'Image', sortKey: 'image', className: 'cell-image' },
  { label: 'State', sortKey: 'state', className: 'cell-state' },
  { label: 'Status', className: 'cell-status' },
  { label: 'Ports', className: 'cell-ports' },
  { label: 'Created', sortKey: 'created', className: 'cell-created' },
  { label: 'Actions', className: 'cell-actions' },
];

export interface ContainerTableProps {
  hostId: string;
  rows: ContainerSummary[];
  busy: Record<string, ContainerAction>;
  now: number;
  sort: Sort;
  onSort(key: SortKey): void;
  onAction(action: ContainerAction, c: ContainerSummary): void;
  onOpen(c: ContainerSummary): void;
}

/** The containers as an ARIA table; only the rows in view are in the DOM. */
export function ContainerTable({
  hostId,
  rows,
  busy,
  now,
  sort,
  onSort,
  onAction,
  onOpen,
}: ContainerTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    scrollMargin: HEADER_HEIGHT,
    getItemKey: (i) => rows[i]?.id ?? i,
  });
  const items = virtualizer.getVirtualItems();

  return (
    <div
      ref={scrollRef}
      className="ctable"
      role="table"
      aria-label="Containers"
      aria-rowcount={rows.length + 1}
    >
      <div role="rowgroup" className="ctable-head">
        <div role="row" className="ctable-row ctable-header-row" aria-rowindex={1}>
          {COLUMNS.map((col) => {
            const sorted = col.sortKey && sort.key === col.sortKey;
            return (
              <div
                key={col.label}
                role="columnheader"
                className={`ctable-cell ${col.className}`}
                aria-sort={sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {col.sortKey ? (
                  <button
                    type="button"
                    className={`sort-button${sorted ? ' is-sorted' : ''}`}
                    onClick={() => col.sortKey && onSort(col.sortKey)}
                  >
                    {col.label}
                    <span className="sort-arrow" aria-hidden="true">
                      {sorted ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                ) : col.label === 'Actions' ? (
                  <span className="visually-hidden">{col.label}</span>
                ) : (
                  col.label
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="ctable-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const c = rows[item.index];
          if (!c) return null;
          return (
            <ContainerRow
              key={c.id}
              container={c}
              busy={busy[busyKey(hostId, c.id)]}
              now={now}
              rowIndex={item.index + 2}
              style={{ transform: `translateY(${item.start - HEADER_HEIGHT}px)`, height: ROW_HEIGHT }}
              onAction={onAction}
              onOpen={onOpen}
            />
          );
        })}
      </div>
    </div>
  );
}
