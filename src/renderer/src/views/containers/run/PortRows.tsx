import { InlineSelect } from '../../../components/ui/InlineSelect';
import { MonoInput } from '../../../components/ui/MonoInput';
import { emptyPort, type PortRow } from '../../../lib/forms/run-form';
import { RowJoin, RunRows, type RunListProps } from './RunRows';

const PROTOCOLS = [
  ['tcp', 'TCP'],
  ['udp', 'UDP'],
] as const;

const HEAD = (
  <div className="run-row-head port-fields" aria-hidden="true">
    <span>Host IP</span>
    <span>Host port</span>
    <span />
    <span>Container port</span>
    <span>Protocol</span>
  </div>
);

/** Port mappings: host IP (optional), host port (optional: random), container port, protocol. */
export function PortRows(props: RunListProps<PortRow>) {
  return (
    <RunRows
      {...props}
      field="ports"
      legend="Ports"
      noun="port"
      layout="port-fields"
      checked={['hostIp', 'hostPort', 'containerPort']}
      blank={emptyPort}
      empty="No published ports."
      head={HEAD}
    >
      {(_row, i, { text, choice }) => (
        <>
          <MonoInput {...text('hostIp')} label={`Port ${i + 1} host IP`} placeholder="all addresses" />
          <MonoInput
            {...text('hostPort')}
            label={`Port ${i + 1} host port`}
            placeholder="random"
            inputMode="numeric"
          />
          <RowJoin sign="→" />
          <MonoInput
            {...text('containerPort')}
            label={`Port ${i + 1} container port`}
            placeholder="e.g. 80"
            inputMode="numeric"
          />
          <InlineSelect
            {...choice('protocol')}
            label={`Port ${i + 1} protocol`}
            options={PROTOCOLS}
            className="input"
          />
        </>
      )}
    </RunRows>
  );
}
