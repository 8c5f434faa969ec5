import { HEADER_HEIGHT } from '../../lib/row-height';
import { useCallback, useRef } from 'react';
import type { ImageSummary } from '@shared/contract';
import type { ImageSort, ImageSortKey } from './filter';
import type { ImageAction } from '../../components/ui/ImageActionIcon';
import { useRowHeight } from '../../hooks/useRowHeight';
import { useTableRows } from '../../hooks/useTableRows';
import { SortHeaderCells, type Column } from '../../components/ui/SortHeaderCells';
import { ImageRow } from './ImageRow';
import { visibleRows } from '../../components/ui/visible-rows';

const ROW_HEIGHT = 46;

const COLUMNS: Column<ImageSortKey>[] = [
  { label: 'Repository:tag', sortKey: 'name', className: 'icell-tags' },
  { label: 'Image ID', className: 'icell-id' },
  { label: 'Size', sortKey: 'size', className: 'icell-size' },
  { label: 'Created', sortKey: 'created', className: 'icell-created' },
  { label: 'Used by', sortKey: 'containers', className: 'icell-used' },
  { label: 'Actions', className: 'cell-actions icell-actions', hideLabel: true },
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
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const virtualizer = useTableRows(rows, scrollRef, estimateSize, (image) => image.id);

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
          <SortHeaderCells columns={COLUMNS} sort={sort} onSort={onSort} />
        </div>
      </div>
      <div role="rowgroup" className="ctable-body" style={{ height: virtualizer.getTotalSize() }}>
        {visibleRows(virtualizer, rows).map(({ row: image, item }) => (
          <ImageRow
            key={image.id}
            image={image}
            now={now}
            rowIndex={item.index + 2}
            style={{ transform: `translateY(${item.start - HEADER_HEIGHT}px)`, height: rowHeight }}
            onAction={onAction}
            onOpen={onOpen}
          />
        ))}
      </div>
    </div>
  );
}
