import type { VolumeSummary } from '@shared/contract';
import { formatBytes } from '../../lib/format';
import { guard } from '../../lib/policy';
import { useSelectedPolicy, type HostPolicyView } from '../../hooks/usePolicy';
import { FolderIcon, TrashIcon } from '../../components/ui/Icons';
import { ImageActionIcon } from '../../components/ui/ImageActionIcon';
import { LabelChips } from '../../components/ui/LabelChips';
import { VirtualTable, type Column } from '../../components/ui/VirtualTable';

export interface VolumeTableProps {
  rows: VolumeSummary[];
  onOpen(v: VolumeSummary): void;
  onBrowse(v: VolumeSummary): void;
  onRemove(v: VolumeSummary): void;
  /** Copy to another host, back up to a file, restore from one (views/mobility's dialogs). */
  onMove(kind: 'volume-copy' | 'volume-backup' | 'volume-restore', v: VolumeSummary): void;
}

const columns = (
  { onOpen, onBrowse, onRemove, onMove }: Omit<VolumeTableProps, 'rows'>,
  can: HostPolicyView,
): Column<VolumeSummary>[] => [
  {
    id: 'name',
    label: 'Name',
    className: 'cell-stack',
    render: (v) => (
      <>
        <button
          type="button"
          className="link-button"
          aria-label={`Details of ${v.name}`}
          title={v.name}
          onClick={() => onOpen(v)}
        >
          {v.name}
        </button>
        <span className="sub-id">{v.driver}</span>
      </>
    ),
  },
  {
    id: 'mountpoint',
    label: 'Mountpoint',
    render: (v) => (
      <span className="truncate mono-soft muted" title={v.mountpoint}>
        {v.mountpoint || '—'}
      </span>
    ),
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
  {
    id: 'actions',
    label: 'Actions',
    hideLabel: true,
    className: 'cell-actions',
    render: (v) => (
      <>
        <button
          type="button"
          className="icon-button"
          aria-label={`Browse ${v.name}`}
          title="Browse files"
          onClick={() => onBrowse(v)}
          {...guard(can.allowed('volumes.browse'), 'Browse files')}
        >
          <FolderIcon />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Copy ${v.name} to another host`}
          onClick={() => onMove('volume-copy', v)}
          {...guard(can.allowed('mobility.volumeCopy'), 'Copy to another host')}
        >
          <ImageActionIcon action="copy" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Back up ${v.name} to a file`}
          onClick={() => onMove('volume-backup', v)}
          {...guard(can.allowed('mobility.volumeBackup'), 'Back up to a file')}
        >
          <ImageActionIcon action="save" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Restore ${v.name} from a file`}
          onClick={() => onMove('volume-restore', v)}
          {...guard(can.allowed('mobility.volumeRestore'), 'Restore from a file')}
        >
          <ImageActionIcon action="push" />
        </button>
        <button
          type="button"
          className="icon-button row-danger"
          aria-label={`Remove ${v.name}`}
          title="Remove"
          onClick={() => onRemove(v)}
          {...guard(can.allowed('volumes.remove'), 'Remove')}
        >
          <TrashIcon />
        </button>
      </>
    ),
  },
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
