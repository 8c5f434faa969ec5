import { useCallback } from 'react';
import type { ContainerBulkAction, ContainerSummary, EndpointView } from '@shared/contract';
import { useRowHeight } from '../../hooks/useRowHeight';
import type { ContainerAction } from '../../stores/containers';
import { GroupRow } from './GroupRow';
import type { GroupItem, Sort, SortKey, TableItem } from '../../lib/container-filter';
import { CONTAINER_COLUMNS } from '../../components/ui/TableHeader';
import { ContainerGrid } from './ContainerGrid';

export const GROUP_HEIGHT = 42;

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

const keyOf = (it: TableItem) => (it.kind === 'group' ? `group:${it.project}` : it.container.id);
const isGroup = (it: TableItem) => it.kind === 'group';

/** One host's containers, grouped by compose project when asked (a header row per project). */
export function ContainerTable(props: ContainerTableProps) {
  const { hostId, endpoint, selected } = props;
  const groupHeight = useRowHeight(GROUP_HEIGHT);
  const rowOf = useCallback(
    (item: TableItem) =>
      item.kind === 'group'
        ? undefined
        : {
            hostId,
            container: item.container,
            endpoint,
            selected: selected[item.container.id] === true,
            inGroup: item.project !== undefined,
          },
    [hostId, endpoint, selected],
  );
  return (
    <ContainerGrid
      label="Containers"
      className="ctable"
      items={props.items}
      columns={CONTAINER_COLUMNS}
      sort={props.sort}
      onSort={props.onSort}
      visible={props.visible}
      selectedCount={props.visible.filter((c) => selected[c.id]).length}
      busy={props.busy}
      now={props.now}
      onSelect={props.onSelect}
      onAction={props.onAction}
      onOpen={props.onOpen}
      onMenu={props.onMenu}
      keyOf={keyOf}
      isOther={isGroup}
      otherHeight={groupHeight}
      rowOf={rowOf}
      renderOther={(item, at) =>
        item.kind === 'group' && (
          <GroupRow
            key={at.key}
            group={item}
            selectedCount={item.members.filter((c) => selected[c.id]).length}
            busy={props.bulkBusy}
            rowIndex={at.rowIndex}
            top={at.top}
            height={groupHeight}
            onToggle={props.onToggleGroup}
            onSelect={props.onSelect}
            onGroupAction={props.onGroupAction}
            hostId={hostId}
          />
        )
      }
    />
  );
}
