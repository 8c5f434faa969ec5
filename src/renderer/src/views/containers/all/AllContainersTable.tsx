import { useMemo } from 'react';
import type { HostView } from '@shared/contract';
import { CONTAINER_COLUMNS, type Column } from '../../../components/ui/TableHeader';
import { ContainerGrid, type ContainerListProps } from '../ContainerGrid';
import type { AllItem, AllSortKey, NoticeItem } from './merge';

const NOTICE_HEIGHT = 40;

const COLUMNS: Column<AllSortKey>[] = [
  { label: 'Host', sortKey: 'host', className: 'cell-host' },
  ...CONTAINER_COLUMNS,
];

export interface AllContainersTableProps extends ContainerListProps<AllSortKey> {
  items: AllItem[];
  hostsById: Map<string, HostView>;
  isSelected(hostId: string, containerId: string): boolean;
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

const keyOf = (it: AllItem) =>
  it.kind === 'notice' ? `notice:${it.hostId}` : `${it.hostId}/${it.container.id}`;
const isNotice = (it: AllItem) => it.kind === 'notice';

/**
 * Every host's containers in one ARIA table with a Host column; hosts that cannot be listed get a
 * notice row each. Only the rows in view are in the DOM: 2,000 containers scroll smoothly.
 */
export function AllContainersTable(props: AllContainersTableProps) {
  const { items, hostsById, isSelected } = props;
  const selectedCount = useMemo(
    () => items.filter((it) => it.kind === 'row' && isSelected(it.hostId, it.container.id)).length,
    [items, isSelected],
  );
  const rowOf = (item: AllItem) => {
    const host = item.kind === 'row' ? hostsById.get(item.hostId) : undefined;
    if (item.kind !== 'row' || !host) return undefined;
    return {
      hostId: item.hostId,
      hostName: host.name,
      hostColor: host.color,
      container: item.container,
      endpoint: host.endpoint,
      selected: isSelected(item.hostId, item.container.id),
      inGroup: false,
    };
  };
  return (
    <ContainerGrid
      {...props}
      label="Containers on all hosts"
      className="ctable all-ctable"
      columns={COLUMNS}
      selectedCount={selectedCount}
      keyOf={keyOf}
      isOther={isNotice}
      otherHeight={NOTICE_HEIGHT}
      rowOf={rowOf}
      renderOther={(item, at) =>
        item.kind === 'notice' && (
          <NoticeRow key={at.key} item={item} rowIndex={at.rowIndex} top={at.top} onRetry={props.onRetry} />
        )
      }
    />
  );
}
