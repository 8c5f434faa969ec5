import { useState } from 'react';
import type { HostView, SwarmInfo } from '@shared/contract';
import { ErrorBannerRow } from '../../components/ui/ErrorBannerRow';
import { FilesPanel } from './FilesPanel';
import { NodesPanel } from './NodesPanel';
import { OverviewPanel } from './OverviewPanel';
import { ServicesPanel } from './ServicesPanel';
import { StacksPanel } from './StacksPanel';
import { TasksTable } from './TasksTable';
import { useSwarm } from '../../hooks/useSwarm';
import { plural } from '../../lib/plural';
import { LoadingState } from '../../components/ui/EmptyState';

const TABS = [
  ['overview', 'Overview'],
  ['services', 'Services'],
  ['nodes', 'Nodes'],
  ['tasks', 'Tasks'],
  ['stacks', 'Stacks'],
  ['files', 'Secrets & configs'],
] as const;
type Tab = (typeof TABS)[number][0];

/** A host that is not a manager: what it is, and how to reach the swarm. */
function NotManager({ info }: { info: SwarmInfo }) {
  return (
    <div className="empty-state swarm-not-manager" role="status">
      <p className="empty-title">{info.role === 'worker' ? 'A swarm worker' : 'Not in a swarm'}</p>
      <p>{info.summary}</p>
      {info.role === 'worker' && info.managerAddresses.length > 0 && (
        <p className="hint">
          Add one of its managers as a Berthmaster host (socket, TLS or SSH) to manage the swarm:{' '}
          <span className="mono">{info.managerAddresses.join(', ')}</span> (swarm port; the engine API is on
          that machine).
        </p>
      )}
    </div>
  );
}

/** The Swarm section of a host: overview and node map, services, nodes, tasks, stacks, secrets. */
export function SwarmView({ host }: { host: HostView }) {
  const swarm = useSwarm(host.id);
  const [tab, setTab] = useState<Tab>('overview');

  let body: React.ReactNode;
  if (!swarm.info) {
    body = swarm.error ? null : <LoadingState text="Asking the engine about its swarm…" />;
  } else if (swarm.info.role !== 'manager') {
    body = <NotManager info={swarm.info} />;
  } else {
    body = (
      <>
        <div className="swarm-tabs" role="tablist" aria-label="Swarm">
          {TABS.map(([id, label]) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              className={`swarm-tab${tab === id ? ' is-active' : ''}`}
              onClick={() => setTab(id)}
            >
              {label}
            </button>
          ))}
        </div>
        <div role="tabpanel" className="swarm-tabpanel">
          {tab === 'overview' && <OverviewPanel info={swarm.info} cluster={swarm} />}
          {tab === 'services' && <ServicesPanel hostId={host.id} cluster={swarm} />}
          {tab === 'nodes' && <NodesPanel hostId={host.id} nodes={swarm.nodes} />}
          {tab === 'tasks' && (
            <div className="swarm-panel">
              <TasksTable tasks={swarm.tasks} nodes={swarm.nodes} label="Tasks" />
            </div>
          )}
          {tab === 'stacks' && <StacksPanel hostId={host.id} />}
          {tab === 'files' && <FilesPanel hostId={host.id} />}
        </div>
      </>
    );
  }

  return (
    <section className="resource-view swarm-view" aria-label={`Swarm on ${host.name}`}>
      <div className="toolbar">
        <h2 className="toolbar-title">Swarm</h2>
        <span className="header-spacer" />
        {swarm.info?.role === 'manager' && (
          <span className="toolbar-count">
            {plural(swarm.nodes.length, 'node')} · {plural(swarm.services.length, 'service')}
          </span>
        )}
      </div>
      <ErrorBannerRow error={swarm.error} title="Couldn't read the swarm" />
      {body}
    </section>
  );
}
