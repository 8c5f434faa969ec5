import { HEADER_HEIGHT } from '../../lib/row-height';
import { useEffect, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRowHeight } from '../../hooks/useRowHeight';
import { visibleRows } from './visible-rows';

export interface Column<T> {
  id: string;
  label: string;
  /** Visually hidden header (e.g. "Actions"). */
  hideLabel?: boolean;
  className?: string;
  render(row: T): ReactNode;
}

export interface VirtualTableProps<T> {
  label: string;
  rows: T[];
  columns: Column<T>[];
  /** CSS grid-template-columns for the rows. */
  template: string;
  rowKey(row: T): string;
  /** The accessible name of a row (tests and screen readers find rows by it). */
  rowLabel(row: T): string;
  rowHeight?: number;
  minWidth?: number;
  className?: string;
}

/** An ARIA table where only the rows in view are in the DOM. */
export function VirtualTable<T>({
  label,
  rows,
  columns,
  template,
  rowKey,
  rowLabel,
  rowHeight: comfortableHeight = 48,
  minWidth = 860,
  className,
}: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowHeight = useRowHeight(comfortableHeight);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    scrollMargin: HEADER_HEIGHT,
    getItemKey: (i) => (rows[i] ? rowKey(rows[i]) : i),
  });
  // A density change resizes every row.
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
  const style = { '--cols': template, '--min-width': `${minWidth}px` } as React.CSSProperties;

  return (
    <div
      ref={scrollRef}
      className={`rtable${className ? ` ${className}` : ''}`}
      role="table"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      style={style}
    >
      <div role="rowgroup" className="rtable-head">
        <div role="row" className="rtable-row rtable-header-row" aria-rowindex={1}>
          {columns.map((c) => (
            <div key={c.id} role="columnheader" className={`rtable-cell ${c.className ?? ''}`}>
              {c.hideLabel ? <span className="visually-hidden">{c.label}</span> : c.label}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="rtable-body" style={{ height: virtualizer.getTotalSize() }}>
        {visibleRows(virtualizer, rows).map(({ row, item }) => (
          <div
            key={rowKey(row)}
            role="row"
            aria-label={rowLabel(row)}
            aria-rowindex={item.index + 2}
            className="rtable-row"
            style={{ transform: `translateY(${item.start - HEADER_HEIGHT}px)`, height: rowHeight }}
          >
            {columns.map((c) => (
              <div key={c.id} role="cell" className={`rtable-cell ${c.className ?? ''}`}>
                {c.render(row)}
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
