import type { VolumeSummary } from '@shared/contract';
import { formatBytes } from '../../lib/format';
import { actionsFor } from '../../actions/define';
import { VOLUME_ACTIONS, type VolumeActionId } from '../../actions/volume-actions';
import { useSelectedPolicy, type HostPolicyView } from '../../hooks/usePolicy';
import { DetailsLink } from '../../components/ui/DetailsLink';
import { LabelChips } from '../../components/ui/LabelChips';
import { MonoCell, nameColumn, rowActionsColumn } from '../../components/ui/TableCells';
import { VirtualTable, type Column } from '../../components/ui/VirtualTable';

export interface VolumeTableProps {
  rows: VolumeSummary[];
  onOpen(v: VolumeSummary): void;
  /** A row action (actions/volume-actions.ts): browse, the mobility dialogs, remove. */
  onAction(id: VolumeActionId, v: VolumeSummary): void;
}

const ROW_ACTIONS = actionsFor(VOLUME_ACTIONS, 'row');

const columns = (
  { onOpen, onAction }: Omit<VolumeTableProps, 'rows'>,
  can: HostPolicyView,
): Column<VolumeSummary>[] => [
  nameColumn((v) => (
    <>
      <DetailsLink name={v.name} title={v.name} onOpen={() => onOpen(v)} />
      <span className="sub-id">{v.driver}</span>
    </>
  )),
  {
    id: 'mountpoint',
    label: 'Mountpoint',
    render: (v) => <MonoCell text={v.mountpoint} muted />,
  },
  {
    id: 'size',
    label: 'Size',
    className: 'cell-num',
    // The engine reports -1 when it did not measure: shown as a dash, not as 0.
    render: (v) =>
      v.size === null ? (
        <span className="muted" title="Size unknown">
          —
        </span>
      ) : (
        formatBytes(v.size)
      ),
  },
  {
    id: 'refs',
    label: 'Refs',
    className: 'cell-num',
    render: (v) => (v.refCount === null ? <span className="muted">—</span> : v.refCount),
  },
  {
    id: 'usedBy',
    label: 'Used by',
    render: (v) =>
      v.usedBy.length ? (
        <span className="truncate" title={v.usedBy.map((u) => `${u.name} (${u.state})`).join('\n')}>
          {v.usedBy.map((u) => u.name).join(', ')}
        </span>
      ) : (
        <span className="flag flag-grey">unused</span>
      ),
  },
  { id: 'labels', label: 'Labels', render: (v) => <LabelChips labels={v.labels} /> },
  rowActionsColumn<VolumeSummary>(ROW_ACTIONS, can.allowed, (id, v) => onAction(id as VolumeActionId, v)),
];

/** The volumes of a host as a virtualized table. */
export function VolumeTable({ rows, ...handlers }: VolumeTableProps) {
  const can = useSelectedPolicy();
  return (
    <VirtualTable
      label="Volumes"
      rows={rows}
      columns={columns(handlers, can)}
      template="minmax(200px, 2fr) minmax(150px, 1.6fr) 84px 56px minmax(120px, 1.3fr) minmax(140px, 1.4fr) 166px"
      rowKey={(v) => v.name}
      rowLabel={(v) => v.name}
      minWidth={990}
    />
  );
}
