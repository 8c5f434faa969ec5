import type { AuditRow } from '../../lib/audit';
import { MonoCell, TimeCell } from '../../components/ui/TableCells';
import { VirtualTable, type Column } from '../../components/ui/VirtualTable';

function time(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

const COLUMNS: Column<AuditRow>[] = [
  {
    id: 'time',
    label: 'Time',
    className: 'audit-time',
    render: (r) => <TimeCell at={r.at} text={time(r.at)} />,
  },
  {
    id: 'host',
    label: 'Host',
    render: (r) => (
      <span className="truncate">{r.hostName ?? r.hostId ?? <span className="muted">app</span>}</span>
    ),
  },
  {
    id: 'action',
    label: 'Action',
    render: (r) => <span className="truncate mono">{r.action}</span>,
  },
  {
    id: 'target',
    label: 'Target',
    render: (r) => <MonoCell text={r.target} />,
  },
  {
    id: 'outcome',
    label: 'Outcome',
    render: (r) =>
      r.outcome === 'ok' ? (
        <span className="badge audit-ok">OK</span>
      ) : (
        <span className="badge audit-failed">Failed</span>
      ),
  },
  {
    id: 'error',
    label: 'Error',
    render: (r) =>
      r.error ? (
        <span className="truncate audit-error" title={r.error}>
          {r.error}
        </span>
      ) : null,
  },
];

/** The audit entries as a virtualized table; rows are named "<action> <target>". */
export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <VirtualTable
      label="Audit entries"
      rows={rows}
      columns={COLUMNS}
      template="160px minmax(130px, 1fr) minmax(140px, 1fr) minmax(160px, 1.6fr) 90px minmax(200px, 2.2fr)"
      rowKey={(r) => String(r.seq)}
      rowLabel={(r) => `${r.action} ${r.target}`.trim()}
      rowHeight={38}
      minWidth={900}
      className="audit-table"
    />
  );
}
