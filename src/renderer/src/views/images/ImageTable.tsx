import { HEADER_HEIGHT } from '../../lib/row-height';
import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ImageSummary } from '@shared/contract';
import type { ImageSort, ImageSortKey } from './filter';
import type { ImageAction } from '../../components/ui/ImageActionIcon';
import { useRowHeight } from '../../hooks/useRowHeight';
import { ImageRow } from './ImageRow';

const ROW_HEIGHT = 46;

const COLUMNS: Array<{ label: string; sortKey?: ImageSortKey; className: string; hidden?: boolean }> = [
  { label: 'Repository:tag', sortKey: 'name', className: 'icell-tags' },
  { label: 'Image ID', className: 'icell-id' },
  { label: 'Size', sortKey: 'size', className: 'icell-size' },
  { label: 'Created', sortKey: 'created', className: 'icell-created' },
  { label: 'Used by', sortKey: 'containers', className: 'icell-used' },
  { label: 'Actions', className: 'cell-actions icell-actions', hidden: true },
];

export interface ImageTableProps {
  rows: ImageSummary[];
  now: number;
  sort: ImageSort;
  onSort(key: ImageSortKey): void;
  onAction(action: ImageAction, image: ImageSummary): void;
  onOpen(image: ImageSummary): void;
}

/** The images as an ARIA table; only the rows in view are in the DOM. */
export function ImageTable({ rows, now, sort, onSort, onAction, onOpen }: ImageTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowHeight = useRowHeight(ROW_HEIGHT);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    scrollMargin: HEADER_HEIGHT,
    getItemKey: (i) => rows[i]?.id ?? i,
  });
  // A density change resizes every row.
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);

  return (
    <div
      ref={scrollRef}
      className="ctable itable"
      role="table"
      aria-label="Images"
      aria-rowcount={rows.length + 1}
    >
      <div role="rowgroup" className="ctable-head">
        <div role="row" className="ctable-row ctable-header-row itable-row" aria-rowindex={1}>
          {COLUMNS.map((col) => {
            const sorted = col.sortKey !== undefined && sort.key === col.sortKey;
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
                ) : col.hidden ? (
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
        {virtualizer.getVirtualItems().map((item) => {
          const image = rows[item.index];
          if (!image) return null;
          return (
            <ImageRow
              key={image.id}
              image={image}
              now={now}
              rowIndex={item.index + 2}
              style={{ transform: `translateY(${item.start - HEADER_HEIGHT}px)`, height: rowHeight }}
              onAction={onAction}
              onOpen={onOpen}
            />
          );
        })}
      </div>
    </div>
  );
}
