import { PlainTable } from '../../components/ui/PlainTable';
import { useState } from 'react';
import type { SwarmNode, SwarmService, SwarmTask } from '@shared/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { guard } from '../../lib/policy';
import { usePolicy } from '../../hooks/usePolicy';
import { useSwarmMutation } from '../../hooks/useSwarm';
import type { Cluster } from './cluster';
import { CreateServiceDialog } from './CreateServiceDialog';
import { ScaleDialog, UpdateDialog } from './ServiceDialogs';
import { ServiceLogsDialog } from './ServiceLogsDialog';
import { TasksTable } from './TasksTable';

type Action = 'scale' | 'update' | 'rollback' | 'remove' | 'logs';

/** A service row's buttons, in order: the engine method each needs (for policy) and when it cannot apply. */
const SERVICE_ACTIONS: Array<{
  action: Action;
  label: string;
  method?: string;
  unavailable?(s: SwarmService): boolean;
  danger?: boolean;
}> = [
  {
    action: 'scale',
    label: 'Scale',
    method: 'swarm.serviceScale',
    unavailable: (s) => s.mode !== 'replicated',
  },
  { action: 'update', label: 'Update', method: 'swarm.serviceUpdate' },
  {
    action: 'rollback',
    label: 'Roll back',
    method: 'swarm.serviceRollback',
    unavailable: (s) => !s.canRollback,
  },
  { action: 'logs', label: 'Logs' },
  { action: 'remove', label: 'Remove', method: 'swarm.serviceRemove', danger: true },
];

function ports(s: SwarmService): string {
  return s.ports
    .map((p) => `${p.published ?? '*'}→${p.target}/${p.protocol}${p.mode === 'host' ? ' host' : ''}`)
    .join(', ');
}

/** Services with their replicas, ports, update status and stack; create, scale, update, roll back, remove. */
export function ServicesPanel({ hostId, cluster }: { hostId: string; cluster: Cluster }) {
  const { services, nodes, tasks } = cluster;
  const can = usePolicy(hostId);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<{ action: Action; service: SwarmService }>();
  const [expanded, setExpanded] = useState<string>();
  const rollback = useSwarmMutation('swarm.serviceRollback', hostId, {
    toast: () => `Rolling back ${open?.service.name}.`,
  });
  const remove = useSwarmMutation('swarm.serviceRemove', hostId, {
    toast: () => `Removed service ${open?.service.name}.`,
  });
  const close = () => {
    setOpen(undefined);
    rollback.reset();
    remove.reset();
  };
  const confirm = async (m: typeof rollback | typeof remove, id: string) => {
    if ((await m.run({ hostId, id })).ok) close();
  };

  return (
    <div className="swarm-panel">
      <div className="toolbar">
        <h3 className="toolbar-title">Services</h3>
        <span className="header-spacer" />
        <button
          type="button"
          className="button button-primary"
          onClick={() => setCreating(true)}
          {...guard(can.allowed('swarm.serviceCreate'))}
        >
          Create service
        </button>
      </div>
      {services.length === 0 ? (
        <p className="empty-state">No services yet.</p>
      ) : (
        <PlainTable
          className="plain-table swarm-table"
          label="Services"
          columns={['Name', 'Mode', 'Replicas', 'Image', 'Ports', 'Update', 'Stack']}
          actions
        >
          {services.map((s) => (
            <ServiceRows
              key={s.id}
              s={s}
              expanded={expanded === s.id}
              onToggle={() => setExpanded((e) => (e === s.id ? undefined : s.id))}
              tasks={tasks.filter((t) => t.serviceId === s.id)}
              nodes={nodes}
              onAction={(action) => setOpen({ action, service: s })}
              hostId={hostId}
            />
          ))}
        </PlainTable>
      )}
      {creating && (
        <CreateServiceDialog
          hostId={hostId}
          onClose={() => setCreating(false)}
          onCreated={() => setCreating(false)}
        />
      )}
      {open?.action === 'scale' && (
        <ScaleDialog hostId={hostId} service={open.service} nodes={nodes} onClose={close} />
      )}
      {open?.action === 'update' && (
        <UpdateDialog hostId={hostId} service={open.service} nodes={nodes} onClose={close} />
      )}
      {open?.action === 'logs' && (
        <ServiceLogsDialog hostId={hostId} service={open.service} onClose={close} />
      )}
      {open?.action === 'rollback' && (
        <ConfirmDialog
          title={`Roll back ${open.service.name}?`}
          confirmLabel="Roll back"
          busy={rollback.busy}
          busyLabel="Rolling back…"
          error={rollback.error}
          onCancel={close}
          onConfirm={() => void confirm(rollback, open.service.id)}
        >
          <p>The service goes back to its previous spec; its tasks are replaced one batch at a time.</p>
        </ConfirmDialog>
      )}
      {open?.action === 'remove' && (
        <ConfirmDialog
          title={`Remove ${open.service.name}?`}
          confirmLabel="Remove service"
          danger
          busy={remove.busy}
          busyLabel="Removing…"
          error={remove.error}
          confirmText={open.service.name}
          onCancel={close}
          onConfirm={() => void confirm(remove, open.service.id)}
        >
          <p>All {open.service.running} of its tasks stop on every node. Volumes and secrets stay.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function ServiceRows(props: {
  s: SwarmService;
  expanded: boolean;
  onToggle(): void;
  tasks: SwarmTask[];
  nodes: SwarmNode[];
  hostId: string;
  onAction(a: Action): void;
}) {
  const { s, expanded, onToggle, tasks, nodes, hostId, onAction } = props;
  const can = usePolicy(hostId);
  const healthy = s.running === s.desired;
  return (
    <>
      <tr>
        <td>
          <button
            type="button"
            className="link-button"
            aria-expanded={expanded}
            aria-label={`Tasks of ${s.name}`}
            onClick={onToggle}
          >
            {expanded ? '▾' : '▸'} {s.name}
          </button>
        </td>
        <td className="muted">{s.mode}</td>
        <td>
          <span
            className={`swarm-pill tone-${healthy ? 'green' : 'amber'}`}
            aria-label={`${s.running} of ${s.desired} running`}
          >
            {s.running}/{s.desired}
          </span>
        </td>
        <td className="mono-soft">{s.image}</td>
        <td className="mono-soft">{ports(s) || <span className="muted">—</span>}</td>
        <td>
          {s.updateStatus ? (
            <span title={s.updateStatus.message}>{s.updateStatus.state.replace(/_/g, ' ')}</span>
          ) : (
            <span className="muted">—</span>
          )}
        </td>
        <td>{s.stack ?? <span className="muted">—</span>}</td>
        <td className="swarm-actions">
          {SERVICE_ACTIONS.map((a) => (
            <button
              key={a.action}
              type="button"
              className={`button button-small${a.danger ? ' button-danger' : ''}`}
              aria-label={a.action === 'logs' ? `Logs of ${s.name}` : `${a.label} ${s.name}`}
              disabled={a.unavailable?.(s)}
              onClick={() => onAction(a.action)}
              {...(a.method && guard(can.allowed(a.method)))}
            >
              {a.label}
            </button>
          ))}
        </td>
      </tr>
      {expanded && (
        <tr className="swarm-subrow">
          <td colSpan={8}>
            <TasksTable tasks={tasks} nodes={nodes} label={`Tasks of ${s.name}`} />
          </td>
        </tr>
      )}
    </>
  );
}
