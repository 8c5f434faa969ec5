import { useCallback } from 'react';
import type { ContainerBulkAction, EndpointView } from '@shared/contract';
import { useRowHeight } from '../../hooks/useRowHeight';
import { GroupRow } from './GroupRow';
import type { GroupItem, SortKey, TableItem } from '../../lib/container-filter';
import { CONTAINER_COLUMNS } from '../../components/ui/TableHeader';
import { ContainerGrid, type ContainerListProps } from './ContainerGrid';

export const GROUP_HEIGHT = 42;

export interface ContainerTableProps extends ContainerListProps<SortKey> {
  hostId: string;
  endpoint: EndpointView;
  items: TableItem[];
  selected: Record<string, true>;
  bulkBusy: ContainerBulkAction | undefined;
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
      {...props}
      label="Containers"
      className="ctable"
      columns={CONTAINER_COLUMNS}
      selectedCount={props.visible.filter((c) => selected[c.id]).length}
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
