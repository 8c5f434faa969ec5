import { PlainTable } from '../../components/ui/PlainTable';
import type { SwarmNode, SwarmTask } from '@shared/contract';
import { nodeLabel } from './NodeMap';
import { openContainer, useNodeHosts } from '../../hooks/useNodeHosts';
import { stateTone } from '../../lib/swarm-poll';

/** Tasks with state, desired state, error, node, container and when they got there. */
export function TasksTable({
  tasks,
  nodes,
  label,
}: {
  tasks: SwarmTask[];
  nodes: SwarmNode[];
  label: string;
}) {
  const hostOf = useNodeHosts();
  if (tasks.length === 0) return <p className="muted">No tasks.</p>;
  const nodeName = (id?: string) => {
    const n = nodes.find((x) => x.id === id);
    return n ? nodeLabel(n, nodes) : (id?.slice(0, 8) ?? '—');
  };
  return (
    <PlainTable
      className="plain-table swarm-table swarm-table-compact"
      label={label}
      columns={['Task', 'Node', 'State', 'Desired', 'Since', 'Container', 'Error']}
    >
      {tasks.map((t) => (
        <tr key={t.id}>
          <td className="mono-soft" title={t.id}>
            {t.serviceName}.{t.slot ?? t.id.slice(0, 6)}
          </td>
          <td>{nodeName(t.nodeId)}</td>
          <td>
            <span className={`swarm-pill tone-${stateTone(t.state)}`}>{t.state}</span>
          </td>
          <td className="muted">{t.desiredState}</td>
          <td className="muted" title={t.stateSince}>
            {new Date(t.stateSince).toLocaleTimeString()}
          </td>
          <td className="mono-soft">
            <ContainerCell task={t} host={t.nodeId ? hostOf.get(t.nodeId) : undefined} />
          </td>
          <td className="swarm-err">{t.error ?? ''}</td>
        </tr>
      ))}
    </PlainTable>
  );
}

/** The task's container: a link into its node's host when that node is also a Berthmaster host. */
function ContainerCell({
  task,
  host,
}: {
  task: SwarmTask;
  host: { hostId: string; name: string } | undefined;
}) {
  const id = task.containerId;
  if (!id) return <>—</>;
  if (!host) return <span title="This node is not one of your Berthmaster hosts">{id.slice(0, 12)}</span>;
  const name = `${task.serviceName}.${task.slot ?? task.id.slice(0, 6)}`;
  return (
    <button
      type="button"
      className="link-button mono"
      aria-label={`Open container of ${name} on ${host.name}`}
      title={`Open in ${host.name}`}
      onClick={() => openContainer(host.hostId, id, `${name}.${task.id}`)}
    >
      {id.slice(0, 12)}
    </button>
  );
}
