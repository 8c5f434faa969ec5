import type { NetworkSummary } from '@shared/contract';
import { shortId } from '../../lib/format';
import { actionsFor } from '../../actions/define';
import { NETWORK_ACTIONS } from '../../actions/network-actions';
import { useSelectedPolicy, type HostPolicyView } from '../../hooks/usePolicy';
import { DetailsLink } from '../../components/ui/DetailsLink';
import { Flag } from '../../components/ui/LabelChips';
import { nameColumn, rowActionsColumn } from '../../components/ui/TableCells';
import { VirtualTable, type Column } from '../../components/ui/VirtualTable';

import { BUILTIN_REASON } from '../../actions/network-actions';
export { BUILTIN_REASON };
const ROW_ACTIONS = actionsFor(NETWORK_ACTIONS, 'row');

export interface NetworkTableProps {
  rows: NetworkSummary[];
  onOpen(n: NetworkSummary): void;
  onRemove(n: NetworkSummary): void;
}

const columns = (
  { onOpen, onRemove }: Omit<NetworkTableProps, 'rows'>,
  can: HostPolicyView,
): Column<NetworkSummary>[] => [
  nameColumn((n) => (
    <>
      <span className="name-line">
        <DetailsLink name={n.name} onOpen={() => onOpen(n)} />
        {n.builtin && (
          <Flag tone="blue" title={BUILTIN_REASON}>
            built-in
          </Flag>
        )}
      </span>
      <span className="sub-id mono" title={n.id}>
        {shortId(n.id)}
      </span>
    </>
  )),
  { id: 'driver', label: 'Driver', render: (n) => <span className="mono-soft">{n.driver}</span> },
  { id: 'scope', label: 'Scope', className: 'cell-soft', render: (n) => n.scope },
  {
    id: 'subnet',
    label: 'Subnet / gateway',
    className: 'cell-stack',
    render: (n) =>
      n.subnets.length === 0 ? (
        <span className="muted">—</span>
      ) : (
        <>
          <span className="truncate mono-soft" title={n.subnets.map((s) => s.subnet).join('\n')}>
            {n.subnets.map((s) => s.subnet).join(', ')}
          </span>
          <span className="truncate sub-id mono">
            {n.subnets
              .map((s) => s.gateway)
              .filter(Boolean)
              .join(', ') || 'no gateway set'}
          </span>
        </>
      ),
  },
  {
    id: 'flags',
    label: 'Flags',
    className: 'cell-flags',
    render: (n) => {
      const flags = [
        n.internal && (
          <Flag key="i" title="No access to the outside world">
            internal
          </Flag>
        ),
        n.attachable && (
          <Flag key="a" title="Standalone containers may join">
            attachable
          </Flag>
        ),
        n.ipv6 && <Flag key="6">IPv6</Flag>,
        n.ingress && (
          <Flag key="g" tone="amber">
            ingress
          </Flag>
        ),
      ].filter(Boolean);
      return flags.length ? flags : <span className="muted">—</span>;
    },
  },
  {
    id: 'containers',
    label: 'Containers',
    className: 'cell-num',
    render: (n) => <span className={n.containerCount ? '' : 'muted'}>{n.containerCount}</span>,
  },
  rowActionsColumn<NetworkSummary>(ROW_ACTIONS, can.allowed, (_, n) => onRemove(n)),
];

/** The networks of a host as a virtualized table. */
export function NetworkTable({ rows, onOpen, onRemove }: NetworkTableProps) {
  const can = useSelectedPolicy();
  return (
    <VirtualTable
      label="Networks"
      rows={rows}
      columns={columns({ onOpen, onRemove }, can)}
      template="minmax(190px, 2fr) 96px 80px minmax(170px, 1.6fr) minmax(150px, 1.3fr) 96px 56px"
      rowKey={(n) => n.id}
      rowLabel={(n) => n.name}
    />
  );
}
