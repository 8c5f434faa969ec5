import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ContainerSummary, HostView } from '@shared/contract';
import { busyKey, type ContainerAction } from '../../stores/containers';
import { ContainerRow } from '../containers/ContainerRow';
import { HEADER_HEIGHT, ROW_HEIGHT } from '../containers/ContainerTable';
import type { AllItem, AllSort, AllSortKey, NoticeItem } from './merge';

const NOTICE_HEIGHT = 40;

interface Column {
  label: string;
  sortKey?: AllSortKey;
  className: string;
}

const COLUMNS: Column[] = [
  { label: 'Host', sortKey: 'host', className: 'cell-host' },
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

export interface AllContainersTableProps {
  items: AllItem[];
  hostsById: Map<string, HostView>;
  /** Every container the filter lets through (for "Select all"). */
  visible: ContainerSummary[];
  isSelected(hostId: string, containerId: string): boolean;
  busy: Record<string, ContainerAction>;
  now: number;
  sort: AllSort;
  onSort(key: AllSortKey): void;
  onSelect(containers: ContainerSummary[], on: boolean): void;
  onAction(action: ContainerAction, c: ContainerSummary): void;
  onOpen(c: ContainerSummary): void;
  onMenu(c: ContainerSummary, anchor: HTMLElement): void;
  onRetry(hostId: string): void;
}

function SelectAll({
  visible,
  count,
  onSelect,
}: {
  visible: ContainerSummary[];
  count: number;
  onSelect(on: boolean): void;
}) {
  const ref = useRef<HTMLInputElement>(null);
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
      onChange={(e) => onSelect(e.target.checked)}
    />
  );
}

function NoticeRow({
  item,
  rowIndex,
  top,
  onRetry,
}: {
  item: NoticeItem;
  rowIndex: number;
  top: number;
  onRetry(hostId: string): void;
}) {
  return (
    <div
      role="row"
      aria-label={item.text}
      aria-rowindex={rowIndex}
      className={`ctable-row host-notice-row is-${item.tone}`}
      style={{ transform: `translateY(${top}px)`, height: NOTICE_HEIGHT }}
    >
      <div role="cell" className="ctable-cell host-notice-cell">
        <span className="swatch" style={{ background: item.color }} aria-hidden="true" />
        {item.tone === 'pending' ? (
          <span className="spinner" aria-hidden="true" />
        ) : (
          <span className="host-notice-mark" aria-hidden="true">
            !
          </span>
        )}
        <span className="truncate" title={item.text}>
          {item.text}
        </span>
        {item.tone === 'error' && (
          <button
            type="button"
            className="button button-small"
            aria-label={`Retry ${item.hostName}`}
            onClick={() => onRetry(item.hostId)}
          >
            Retry now
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * Every host's containers in one ARIA table with a Host column; hosts that cannot be listed get a
 * notice row each. Only the rows in view are in the DOM: 2,000 containers scroll smoothly.
 */
export function AllContainersTable(props: AllContainersTableProps) {
  const { items, hostsById, visible, isSelected, busy, now, sort, onSort, onSelect } = props;
  const onSelectOne = useCallback((c: ContainerSummary, on: boolean) => onSelect([c], on), [onSelect]);
  const selectedCount = useMemo(
    () => items.filter((it) => it.kind === 'row' && isSelected(it.hostId, it.container.id)).length,
    [items, isSelected],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const estimateSize = useCallback(
    (i: number) => (items[i]?.kind === 'notice' ? NOTICE_HEIGHT : ROW_HEIGHT),
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
      return it.kind === 'notice' ? `notice:${it.hostId}` : `${it.hostId}/${it.container.id}`;
    },
  });
  useEffect(() => virtualizer.measure(), [items, virtualizer]);

  return (
    <div
      ref={scrollRef}
      className="ctable all-ctable"
      role="table"
      aria-label="Containers on all hosts"
      aria-rowcount={items.length + 1}
      aria-multiselectable="true"
    >
      <div role="rowgroup" className="ctable-head">
        <div role="row" className="ctable-row ctable-header-row" aria-rowindex={1}>
          <div role="columnheader" className="ctable-cell cell-select">
            <SelectAll visible={visible} count={selectedCount} onSelect={(on) => onSelect(visible, on)} />
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
        {virtualizer.getVirtualItems().map((v) => {
          const item = items[v.index];
          if (!item) return null;
          const top = v.start - HEADER_HEIGHT;
          if (item.kind === 'notice') {
            return (
              <NoticeRow key={v.key} item={item} rowIndex={v.index + 2} top={top} onRetry={props.onRetry} />
            );
          }
          const host = hostsById.get(item.hostId);
          if (!host) return null;
          const c = item.container;
          return (
            <ContainerRow
              key={v.key}
              hostId={item.hostId}
              hostName={host.name}
              hostColor={host.color}
              container={c}
              endpoint={host.endpoint}
              busy={busy[busyKey(item.hostId, c.id)]}
              selected={isSelected(item.hostId, c.id)}
              inGroup={false}
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
