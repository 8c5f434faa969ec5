import type { SwarmInfo } from '@shared/contract';
import type { Cluster } from './cluster';
import { NodeMap } from './NodeMap';

function Fact({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="swarm-fact">
      <span className="swarm-fact-value">{value}</span>
      <span className="swarm-fact-label">{label}</span>
    </div>
  );
}

/** Cluster at a glance: managers, workers, leader, node states, services and tasks, then the map. */
export function OverviewPanel({ info, cluster }: { info: SwarmInfo; cluster: Cluster }) {
  const { nodes, services, tasks } = cluster;
  const managers = nodes.filter((n) => n.role === 'manager').length;
  const ready = nodes.filter((n) => n.state === 'ready').length;
  const running = services.reduce((s, x) => s + x.running, 0);
  const desired = services.reduce((s, x) => s + x.desired, 0);
  return (
    <div className="swarm-overview">
      <div className="swarm-facts" role="group" aria-label="Cluster overview">
        <Fact label="managers" value={managers} />
        <Fact label="workers" value={nodes.length - managers} />
        <Fact label="nodes ready" value={`${ready}/${nodes.length}`} />
        <Fact label="services" value={services.length} />
        <Fact label="tasks running" value={`${running}/${desired}`} />
      </div>
      <p className="swarm-summary">
        {info.summary} Leader: {info.leader ? `${info.leader.hostname} (${info.leader.addr})` : 'unknown'}.
        {info.clusterId && <span className="mono-soft"> Cluster {info.clusterId.slice(0, 12)}.</span>}
      </p>
      <h3 className="swarm-h3">Node map</h3>
      <NodeMap nodes={nodes} tasks={tasks} />
    </div>
  );
}
