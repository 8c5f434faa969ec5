import { useCallback, useRef } from 'react';
import type { ContainerBulkAction, ContainerSummary, EndpointView } from '@shared/contract';
import { useRowHeight } from '../../hooks/useRowHeight';
import { busyKey, type ContainerAction } from '../../stores/containers';
import { ContainerRow } from './ContainerRow';
import { GroupRow } from './GroupRow';
import type { GroupItem, Sort, SortKey, TableItem } from '../../lib/container-filter';
import { CONTAINER_COLUMNS, HEADER_HEIGHT, TableHeader } from '../../components/ui/TableHeader';
import { useTableRows } from '../../hooks/useTableRows';

export const ROW_HEIGHT = 48;
export const GROUP_HEIGHT = 42;
export { HEADER_HEIGHT };

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

/** The containers as an ARIA table; only the rows in view are in the DOM (1,000s scroll smoothly). */
export function ContainerTable(props: ContainerTableProps) {
  const { hostId, endpoint, items, selected, busy, bulkBusy, now, sort, onSort, onSelect } = props;
  const onSelectOne = useCallback((c: ContainerSummary, on: boolean) => onSelect([c], on), [onSelect]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowHeight = useRowHeight(ROW_HEIGHT);
  const groupHeight = useRowHeight(GROUP_HEIGHT);
  const estimateSize = useCallback(
    (i: number) => (items[i]?.kind === 'group' ? groupHeight : rowHeight),
    [items, rowHeight, groupHeight],
  );
  const virtualizer = useTableRows(items, scrollRef, estimateSize, (it) =>
    it.kind === 'group' ? `group:${it.project}` : it.container.id,
  );
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
      <TableHeader
        columns={CONTAINER_COLUMNS}
        sort={sort}
        onSort={onSort}
        total={props.visible.length}
        selected={props.visible.filter((c) => selected[c.id]).length}
        onSelectAll={(on) => onSelect(props.visible, on)}
      />
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
                height={groupHeight}
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
