import type { ApiLogEntry } from '@shared/contract';
import { TimeCell } from '../../components/ui/TableCells';
import { VirtualTable, type Column } from '../../components/ui/VirtualTable';
import {
  bytesText,
  clockMs,
  durationText,
  entryLabel,
  statusText,
  statusTone,
} from '../../lib/api-log-format';
import { queryString } from '@shared/apilog/engine-request';

function columns(selected: number | undefined, onSelect: (id: number) => void): Column<ApiLogEntry>[] {
  return [
    {
      id: 'time',
      label: 'Time',
      render: (e) => <TimeCell at={e.at} text={clockMs(e.at)} />,
    },
    {
      id: 'method',
      label: 'Method',
      render: (e) => <span className={`api-method api-method-${e.method}`}>{e.method}</span>,
    },
    {
      id: 'path',
      label: 'Path',
      render: (e) => {
        const full = `${e.path}${queryString(e.query)}`;
        return (
          <button
            type="button"
            className={`api-path-button mono${e.id === selected ? ' is-selected' : ''}`}
            aria-pressed={e.id === selected}
            aria-label={`Details of ${entryLabel(e)}`}
            title={full}
            onClick={() => onSelect(e.id)}
          >
            {e.path}
            {e.query.length > 0 && <span className="muted">{queryString(e.query)}</span>}
          </button>
        );
      },
    },
    {
      id: 'status',
      label: 'Status',
      render: (e) => (
        <span className={`api-status api-status-${statusTone(e)}`} title={e.error}>
          {statusText(e)}
        </span>
      ),
    },
    { id: 'duration', label: 'Duration', className: 'num', render: (e) => durationText(e) },
    {
      id: 'bytes',
      label: 'Out / in',
      className: 'num',
      render: (e) => (
        <span className="mono-soft">
          {bytesText(e.bytesOut)} / {bytesText(e.bytesIn)}
        </span>
      ),
    },
    {
      id: 'origin',
      label: 'Origin',
      render: (e) =>
        e.origin ? (
          <span className="truncate mono-soft" title={`call ${e.origin.callId}`}>
            {e.origin.method}
          </span>
        ) : (
          <span className="muted">background</span>
        ),
    },
  ];
}

const COMPACT = new Set(['time', 'method', 'path', 'status']);

/** The host's requests, newest first; a row's path opens its details. */
export function ApiLogTable({
  entries,
  selected,
  onSelect,
  compact,
}: {
  entries: ApiLogEntry[];
  selected: number | undefined;
  onSelect(id: number): void;
  /** Beside the details: time, method, path and status only. */
  compact: boolean;
}) {
  const all = columns(selected, onSelect);
  return (
    <VirtualTable
      label="API requests"
      rows={entries}
      columns={compact ? all.filter((c) => COMPACT.has(c.id)) : all}
      template={
        compact
          ? '100px 70px minmax(160px, 1fr) 80px'
          : '104px 68px minmax(220px, 3fr) 80px 80px 120px minmax(120px, 1.2fr)'
      }
      rowKey={(e) => String(e.id)}
      rowLabel={entryLabel}
      rowHeight={32}
      minWidth={compact ? 420 : 820}
      className="api-log-table"
    />
  );
}
