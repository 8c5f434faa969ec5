import { useCallback, useRef, type ReactNode } from 'react';
import type { ContainerSummary, EndpointView } from '@shared/contract';
import { busyKey, type ContainerAction } from '../../stores/containers';
import { HEADER_HEIGHT, TableHeader, type Column } from '../../components/ui/TableHeader';
import { useTableRows } from '../../hooks/useTableRows';
import { useRowHeight } from '../../hooks/useRowHeight';
import { ContainerRow } from './ContainerRow';
import { visibleRows } from '../../components/ui/visible-rows';

export const ROW_HEIGHT = 48;

/** What a container row of the grid shows besides the shared callbacks. */
export interface GridContainer {
  hostId: string;
  container: ContainerSummary;
  endpoint: EndpointView;
  selected: boolean;
  inGroup: boolean;
  hostName?: string;
  hostColor?: string;
}

/** What every containers table takes from its page and hands to the grid as is. */
export interface ContainerListProps<K extends string> {
  /** Every container the filter lets through (for "Select all"). */
  visible: ContainerSummary[];
  busy: Record<string, ContainerAction>;
  now: number;
  sort: { key: K; dir: 'asc' | 'desc' };
  onSort(key: K): void;
  onSelect(containers: ContainerSummary[], on: boolean): void;
  onAction(action: ContainerAction, c: ContainerSummary): void;
  onOpen(c: ContainerSummary): void;
  onMenu(c: ContainerSummary, anchor: HTMLElement): void;
}

export interface ContainerGridProps<T, K extends string> extends ContainerListProps<K> {
  label: string;
  className: string;
  items: T[];
  columns: Column<K>[];
  selectedCount: number;
  /** Stable (module-level) functions: the virtualizer re-measures when they change. */
  keyOf(item: T): string;
  isOther(item: T): boolean;
  /** The height of the rows that are not containers (a project header, a host's notice). */
  otherHeight: number;
  /** A container row's content, or undefined to draw nothing for the item. */
  rowOf(item: T): GridContainer | undefined;
  renderOther(item: T, at: { key: string | number | bigint; rowIndex: number; top: number }): ReactNode;
}

/**
 * The containers as an ARIA table (one host's, or every host's): a header with select-all and
 * sorting, container rows and the page's own other rows. Only the rows in view are in the DOM,
 * so thousands scroll smoothly.
 */
export function ContainerGrid<T, K extends string>(props: ContainerGridProps<T, K>) {
  const { items, isOther, otherHeight, onSelect } = props;
  const onSelectOne = useCallback((c: ContainerSummary, on: boolean) => onSelect([c], on), [onSelect]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowHeight = useRowHeight(ROW_HEIGHT);
  const estimateSize = useCallback(
    (i: number) => {
      const it = items[i];
      return it !== undefined && isOther(it) ? otherHeight : rowHeight;
    },
    [items, isOther, otherHeight, rowHeight],
  );
  const virtualizer = useTableRows(items, scrollRef, estimateSize, props.keyOf);

  return (
    <div
      ref={scrollRef}
      className={props.className}
      role="table"
      aria-label={props.label}
      aria-rowcount={items.length + 1}
      aria-multiselectable="true"
    >
      <TableHeader
        columns={props.columns}
        sort={props.sort}
        onSort={props.onSort}
        total={props.visible.length}
        selected={props.selectedCount}
        onSelectAll={(on) => onSelect(props.visible, on)}
      />
      <div role="rowgroup" className="ctable-body" style={{ height: virtualizer.getTotalSize() }}>
        {visibleRows(virtualizer, items).map(({ row: item, item: v }) => {
          const top = v.start - HEADER_HEIGHT;
          if (isOther(item)) return props.renderOther(item, { key: v.key, rowIndex: v.index + 2, top });
          const row = props.rowOf(item);
          if (!row) return null;
          return (
            <ContainerRow
              key={v.key}
              {...row}
              busy={props.busy[busyKey(row.hostId, row.container.id)]}
              now={props.now}
              rowIndex={v.index + 2}
              top={top}
              height={rowHeight}
              onSelect={onSelectOne}
              onAction={props.onAction}
              onOpen={props.onOpen}
              onMenu={props.onMenu}
            />
          );
        })}
      </div>
    </div>
  );
}
