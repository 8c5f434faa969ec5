import { PlainTable } from '../../components/ui/PlainTable';
import { useId, useState } from 'react';
import type { AppErrorShape, CallInput, Contract, SwarmNode } from '@shared/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LabeledField } from '../../components/ui/LabeledField';
import { Dialog } from '../../components/ui/Dialog';
import { DialogActions } from '../../components/ui/DialogActions';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { formatBytes } from '../../lib/format';
import { guard } from '../../lib/policy';
import { usePolicy } from '../../hooks/usePolicy';
import { useSwarmMutation } from '../../hooks/useSwarm';
import { nodeLabel } from './NodeMap';

type Change = Omit<CallInput<Contract['swarm']['nodeUpdate']>, 'hostId' | 'id'>;
type Pending = { node: SwarmNode; title: string; text: string; change: Change } | undefined;

/** A change a node's row offers: the verb on its button and in its confirmation, said before it happens. */
interface NodeChange {
  verb: string;
  change: Change;
  text: string;
}

/** The availability and role changes that apply to a node now, in button order. */
function nodeChanges(node: SwarmNode): NodeChange[] {
  const version = node.version;
  const availability: NodeChange[] =
    node.availability === 'active'
      ? [
          {
            verb: 'Drain',
            change: { availability: 'drain', version },
            text: 'Its tasks stop here and are rescheduled on other nodes; nothing new is placed on it.',
          },
          {
            verb: 'Pause',
            change: { availability: 'pause', version },
            text: 'Its tasks keep running, but no new task is placed on it.',
          },
        ]
      : [
          {
            verb: 'Activate',
            change: { availability: 'active', version },
            text: 'The scheduler may place tasks on it again.',
          },
        ];
  const role: NodeChange =
    node.role === 'manager'
      ? {
          verb: 'Demote',
          change: { role: 'worker', version },
          text: `It leaves the managers${node.leader ? ' (it is the leader: another manager takes over)' : ''}. Keep an odd number of managers.`,
        }
      : {
          verb: 'Promote',
          change: { role: 'manager', version },
          text: 'It joins the raft quorum of managers.',
        };
  return [...availability, role];
}

/** Nodes with role, availability, state, engine, resources, labels; and every node action. */
export function NodesPanel({ hostId, nodes }: { hostId: string; nodes: SwarmNode[] }) {
  const can = usePolicy(hostId);
  const [pending, setPending] = useState<Pending>();
  const [labels, setLabels] = useState<SwarmNode>();
  const [removing, setRemoving] = useState<SwarmNode>();
  const update = useSwarmMutation('swarm.nodeUpdate', hostId, {
    toast: () =>
      pending
        ? `${pending.title.replace('?', '')}: done.`
        : `Saved the labels of ${labels ? nodeLabel(labels, nodes) : 'the node'}.`,
  });
  const remove = useSwarmMutation('swarm.nodeRemove', hostId, {
    toast: () => `Removed node ${removing ? nodeLabel(removing, nodes) : ''}.`,
  });
  const busy = update.busy || remove.busy;
  const error = update.error ?? remove.error;
  const resetErrors = () => {
    update.reset();
    remove.reset();
  };
  const run = async (outcome: Promise<{ ok: boolean }>) => {
    if (!(await outcome).ok) return;
    setPending(undefined);
    setLabels(undefined);
    setRemoving(undefined);
  };
  const ask = (node: SwarmNode, { verb, change, text }: NodeChange) => {
    resetErrors();
    setPending({ node, change, text, title: `${verb} ${nodeLabel(node, nodes)}?` });
  };
  const mayUpdate = can.allowed('swarm.nodeUpdate');
  const about = (node: SwarmNode): NodeDialogProps => ({ node, label: nodeLabel(node, nodes), busy, error });

  return (
    <div className="swarm-panel">
      <PlainTable
        className="plain-table swarm-table"
        label="Nodes"
        columns={['Node', 'Role', 'Availability', 'Status', 'Engine', 'Resources', 'Labels']}
        actions
      >
        {nodes.map((n) => {
          const label = nodeLabel(n, nodes);
          return (
            <tr key={n.id}>
              <td>
                <div>{label}</div>
                <div className="mono-soft muted" title={n.id}>
                  {n.id.slice(0, 12)} · {n.addr}
                  {n.self ? ' · this host' : ''}
                </div>
              </td>
              <td>
                {n.role}
                {n.leader ? ' (leader)' : ''}
                {n.reachability && !n.leader ? ` (${n.reachability})` : ''}
              </td>
              <td>
                <span className={`swarm-pill tone-${n.availability === 'active' ? 'green' : 'amber'}`}>
                  {n.availability}
                </span>
              </td>
              <td title={n.message}>
                <span className={`swarm-pill tone-${n.state === 'ready' ? 'green' : 'red'}`}>{n.state}</span>
              </td>
              <td className="mono-soft">{n.engineVersion}</td>
              <td className="muted">
                {n.cpus} CPU · {formatBytes(n.memoryBytes)}
              </td>
              <td className="mono-soft">
                {Object.entries(n.labels)
                  .map(([k, v]) => `${k}=${v}`)
                  .join(', ') || <span className="muted">—</span>}
              </td>
              <td className="swarm-actions">
                {nodeChanges(n).map((c) => (
                  <button
                    key={c.verb}
                    type="button"
                    className="button button-small"
                    aria-label={`${c.verb} ${label}`}
                    onClick={() => ask(n, c)}
                    {...guard(mayUpdate)}
                  >
                    {c.verb}
                  </button>
                ))}
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Labels of ${label}`}
                  onClick={() => {
                    resetErrors();
                    setLabels(n);
                  }}
                  {...guard(mayUpdate)}
                >
                  Labels…
                </button>
                <button
                  type="button"
                  className="button button-small button-danger"
                  aria-label={`Remove ${label}`}
                  onClick={() => {
                    resetErrors();
                    setRemoving(n);
                  }}
                  {...guard(can.allowed('swarm.nodeRemove'))}
                >
                  Remove…
                </button>
              </td>
            </tr>
          );
        })}
      </PlainTable>
      {pending && (
        <ConfirmDialog
          title={pending.title}
          confirmLabel={pending.title.split(' ')[0] ?? 'Apply'}
          busy={busy}
          error={error}
          onCancel={() => setPending(undefined)}
          onConfirm={() => void run(update.run({ hostId, id: pending.node.id, ...pending.change }))}
        >
          <p>{pending.text}</p>
        </ConfirmDialog>
      )}
      {labels && (
        <LabelsDialog
          {...about(labels)}
          onClose={() => setLabels(undefined)}
          onSave={(next) =>
            void run(update.run({ hostId, id: labels.id, version: labels.version, labels: next }))
          }
        />
      )}
      {removing && (
        <RemoveNodeDialog
          {...about(removing)}
          onCancel={() => setRemoving(undefined)}
          onRemove={(force) =>
            void run(
              remove.run({ hostId, id: removing.id, force, ...(force ? { confirm: removing.id } : {}) }),
            )
          }
        />
      )}
    </div>
  );
}

/** What a dialog about one node is given: the node, its name, and the node call's state. */
interface NodeDialogProps {
  node: SwarmNode;
  label: string;
  busy: boolean;
  error: AppErrorShape | undefined;
}

function LabelsDialog(
  props: NodeDialogProps & { onClose(): void; onSave(labels: Record<string, string>): void },
) {
  const id = useId();
  const [text, setText] = useState(
    Object.entries(props.node.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
  );
  const parsed: Record<string, string> = {};
  let problem: string | undefined;
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (!/^[^\s=]+$/.test(key)) problem = `"${line}" is not key=value.`;
    parsed[key] = eq < 0 ? '' : line.slice(eq + 1);
  }
  return (
    <Dialog
      title={`Labels of ${props.label}`}
      onClose={props.onClose}
      size="small"
      footer={
        <DialogActions
          onCancel={props.onClose}
          submitLabel="Save labels"
          busy={props.busy}
          disabled={problem !== undefined}
          onSubmit={() => props.onSave(parsed)}
        />
      }
    >
      {props.error && <ErrorBanner error={props.error} title="Could not save" />}
      <LabeledField
        id={id}
        label="Labels (key=value, one per line)"
        error={problem}
        hint="Used by placement constraints, e.g. node.labels.zone==b."
      >
        <textarea
          id={id}
          className="textarea mono"
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </LabeledField>
    </Dialog>
  );
}

function RemoveNodeDialog(props: NodeDialogProps & { onCancel(): void; onRemove(force: boolean): void }) {
  const { node } = props;
  const force = node.state !== 'down';
  return (
    <ConfirmDialog
      title={`Remove ${props.label} from the swarm?`}
      confirmLabel={force ? 'Force removal' : 'Remove node'}
      danger
      busy={props.busy}
      error={props.error}
      confirmText={node.id}
      onCancel={props.onCancel}
      onConfirm={() => props.onRemove(force)}
    >
      {force ? (
        <p>
          This node is <strong>{node.state}</strong>, not down. Removing it by force leaves its engine
          believing it is still in the swarm; make it leave (<code>docker swarm leave</code>) instead if you
          can.
        </p>
      ) : (
        <p>The node is down; its entry is removed from the swarm.</p>
      )}
    </ConfirmDialog>
  );
}
