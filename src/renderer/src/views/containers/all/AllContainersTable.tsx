import { useCallback, useMemo, useRef } from 'react';
import type { ContainerSummary, HostView } from '@shared/contract';
import { busyKey, type ContainerAction } from '../../../stores/containers';
import { ContainerRow } from '../ContainerRow';
import { ROW_HEIGHT } from '../ContainerTable';
import {
  CONTAINER_COLUMNS,
  HEADER_HEIGHT,
  TableHeader,
  type Column,
} from '../../../components/ui/TableHeader';
import { useTableRows } from '../../../hooks/useTableRows';
import { useRowHeight } from '../../../hooks/useRowHeight';
import type { AllItem, AllSort, AllSortKey, NoticeItem } from './merge';

const NOTICE_HEIGHT = 40;

const COLUMNS: Column<AllSortKey>[] = [
  { label: 'Host', sortKey: 'host', className: 'cell-host' },
  ...CONTAINER_COLUMNS,
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
  const rowHeight = useRowHeight(ROW_HEIGHT);
  const estimateSize = useCallback(
    (i: number) => (items[i]?.kind === 'notice' ? NOTICE_HEIGHT : rowHeight),
    [items, rowHeight],
  );
  const virtualizer = useTableRows(items, scrollRef, estimateSize, (it) =>
    it.kind === 'notice' ? `notice:${it.hostId}` : `${it.hostId}/${it.container.id}`,
  );

  return (
    <div
      ref={scrollRef}
      className="ctable all-ctable"
      role="table"
      aria-label="Containers on all hosts"
      aria-rowcount={items.length + 1}
      aria-multiselectable="true"
    >
      <TableHeader
        columns={COLUMNS}
        sort={sort}
        onSort={onSort}
        total={visible.length}
        selected={selectedCount}
        onSelectAll={(on) => onSelect(visible, on)}
      />
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
