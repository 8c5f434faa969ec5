import type { SwarmNode, SwarmTask } from '@shared/contract';
import { stateTone } from '../../lib/swarm-poll';

/** Hostname, plus a short id when two nodes share it (clones, or one VM as in a lab). */
export function nodeLabel(node: SwarmNode, all: SwarmNode[]): string {
  const twins = all.filter((n) => n.hostname === node.hostname).length > 1;
  return twins ? `${node.hostname} · ${node.id.slice(0, 8)}` : node.hostname;
}

/** One column per node, one chip per task placed there, coloured by the task's state. */
export function NodeMap({ nodes, tasks }: { nodes: SwarmNode[]; tasks: SwarmTask[] }) {
  return (
    <div className="swarm-map" role="list" aria-label="Node map">
      {nodes.map((n) => {
        const mine = tasks.filter((t) => t.nodeId === n.id);
        const label = nodeLabel(n, nodes);
        return (
          <section key={n.id} className="swarm-map-node" role="listitem" aria-label={`Node ${label}`}>
            <header className="swarm-map-head">
              <span
                className={`swarm-dot swarm-dot-${n.state === 'ready' ? 'green' : 'red'}`}
                aria-hidden="true"
              />
              <span className="swarm-map-name">{label}</span>
              <span className={`swarm-pill ${n.role === 'manager' ? 'tone-blue' : ''}`}>
                {n.leader ? 'leader' : n.role}
              </span>
            </header>
            <div className="swarm-map-meta">
              {n.state} · {n.availability} · {n.addr}
            </div>
            <ul className="chip-row" aria-label={`Tasks on ${label}`}>
              {mine.length === 0 && <li className="swarm-map-empty">no tasks</li>}
              {mine.map((t) => (
                <li
                  key={t.id}
                  className={`swarm-chip tone-${stateTone(t.state)}`}
                  title={`${t.serviceName}${t.slot ? `.${t.slot}` : ''} — ${t.state}${t.error ? `: ${t.error}` : ''}\n${t.image}`}
                >
                  {t.serviceName}
                  {t.slot ? `.${t.slot}` : ''}
                  <span className="swarm-chip-state">{t.state}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
