import { useCallback, useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ContainerBulkAction, ContainerSummary, EndpointView } from '@shared/contract';
import { busyKey, type ContainerAction } from '../../stores/containers';
import { ContainerRow } from './ContainerRow';
import { GroupRow } from './GroupRow';
import type { GroupItem, Sort, SortKey, TableItem } from './filter';

export const ROW_HEIGHT = 48;
export const GROUP_HEIGHT = 42;
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
  { label: 'Health', sortKey: 'health', className: 'cell-health' },
  { label: 'Ports', className: 'cell-ports' },
  { label: 'Created', sortKey: 'created', className: 'cell-created' },
  { label: 'Project', sortKey: 'project', className: 'cell-project' },
  { label: 'Actions', className: 'cell-actions' },
];

export interface ContainerTableProps {
  hostId: string;
  endpoint: EndpointView;
  items: TableItem[];
  /** Every container the filter lets through (for "Select all"). */
  visible: ContainerSummary[];
  selected: Record<string, true>;
  busy: Record<string, ContainerAction>;
  bulkBusy: ContainerBulkAction | undefined;
  now: number;
  sort: Sort;
  onSort(key: SortKey): void;
  onSelect(containers: ContainerSummary[], on: boolean): void;
  onAction(action: ContainerAction, c: ContainerSummary): void;
  onOpen(c: ContainerSummary): void;
  onMenu(c: ContainerSummary, anchor: HTMLElement): void;
  onToggleGroup(project: string): void;
  onGroupAction(action: 'start' | 'stop' | 'restart', group: GroupItem): void;
}

function SelectAll({
  visible,
  selected,
  onSelect,
}: Pick<ContainerTableProps, 'visible' | 'selected' | 'onSelect'>) {
  const ref = useRef<HTMLInputElement>(null);
  const count = visible.filter((c) => selected[c.id]).length;
  const all = visible.length > 0 && count === visible.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="row-check"
      aria-label="Select all"
      checked={all}
      disabled={visible.length === 0}
      onChange={(e) => onSelect(visible, e.target.checked)}
    />
  );
}

/** The containers as an ARIA table; only the rows in view are in the DOM (1,000s scroll smoothly). */
export function ContainerTable(props: ContainerTableProps) {
  const { hostId, endpoint, items, selected, busy, bulkBusy, now, sort, onSort, onSelect } = props;
  const onSelectOne = useCallback((c: ContainerSummary, on: boolean) => onSelect([c], on), [onSelect]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const estimateSize = useCallback(
    (i: number) => (items[i]?.kind === 'group' ? GROUP_HEIGHT : ROW_HEIGHT),
    [items],
  );
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: 6,
    scrollMargin: HEADER_HEIGHT,
    getItemKey: (i) => {
      const it = items[i];
      if (!it) return i;
      return it.kind === 'group' ? `group:${it.project}` : it.container.id;
    },
  });
  // Heights depend on the kind of each row: re-measure when the rows change.
  useEffect(() => virtualizer.measure(), [items, virtualizer]);
  const virtualItems = virtualizer.getVirtualItems();

  return (
    <div
      ref={scrollRef}
      className="ctable"
      role="table"
      aria-label="Containers"
      aria-rowcount={items.length + 1}
      aria-multiselectable="true"
    >
      <div role="rowgroup" className="ctable-head">
        <div role="row" className="ctable-row ctable-header-row" aria-rowindex={1}>
          <div role="columnheader" className="ctable-cell cell-select">
            <SelectAll visible={props.visible} selected={selected} onSelect={props.onSelect} />
          </div>
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
        {virtualItems.map((v) => {
          const item = items[v.index];
          if (!item) return null;
          const top = v.start - HEADER_HEIGHT;
          if (item.kind === 'group') {
            return (
              <GroupRow
                key={v.key}
                group={item}
                selectedCount={item.members.filter((c) => selected[c.id]).length}
                busy={bulkBusy}
                rowIndex={v.index + 2}
                top={top}
                height={GROUP_HEIGHT}
                onToggle={props.onToggleGroup}
                onSelect={props.onSelect}
                onGroupAction={props.onGroupAction}
                hostId={props.hostId}
              />
            );
          }
          const c = item.container;
          return (
            <ContainerRow
              key={v.key}
              hostId={hostId}
              container={c}
              endpoint={endpoint}
              busy={busy[busyKey(hostId, c.id)]}
              selected={selected[c.id] === true}
              inGroup={item.project !== undefined}
              now={now}
              rowIndex={v.index + 2}
              top={top}
              height={ROW_HEIGHT}
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
