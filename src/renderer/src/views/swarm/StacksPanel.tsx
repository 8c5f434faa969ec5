import { PlainTable } from '../../components/ui/PlainTable';
import { useState } from 'react';
import type { StackSummary } from '@shared/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { guard } from '../../lib/policy';
import { usePolicy } from '../../hooks/usePolicy';
import { useSwarmMutation, useSwarmObjects } from '../../hooks/useSwarm';

/** Stacks: services, networks, secrets and configs grouped by com.docker.stack.namespace. */
export function StacksPanel({ hostId }: { hostId: string }) {
  const can = usePolicy(hostId);
  const { stacks, error } = useSwarmObjects(hostId);
  const [removing, setRemoving] = useState<StackSummary>();
  const remove = useSwarmMutation('swarm.stackRemove', hostId, {
    toast: (r, i) =>
      r.failed.length
        ? `Stack ${i.name}: removed ${r.removed.length}, ${r.failed.length} failed (${r.failed.map((f) => f.name).join(', ')}).`
        : `Removed stack ${i.name} (${r.removed.length} objects).`,
  });
  const close = () => {
    setRemoving(undefined);
    remove.reset();
  };

  return (
    <div className="swarm-panel">
      {error && !removing && <ErrorBanner error={error} title="Could not read the stacks" />}
      {stacks?.length === 0 && (
        <p className="empty-state">No stacks: nothing carries the com.docker.stack.namespace label.</p>
      )}
      {stacks && stacks.length > 0 && (
        <PlainTable
          className="plain-table swarm-table"
          label="Stacks"
          columns={['Stack', 'Services', 'Networks', 'Secrets', 'Configs']}
          actions
        >
          {stacks.map((s) => (
            <tr key={s.name}>
              <td>{s.name}</td>
              <td className="mono-soft">{s.services.join(', ') || '—'}</td>
              <td className="mono-soft">{s.networks.join(', ') || '—'}</td>
              <td className="mono-soft">{s.secrets.join(', ') || '—'}</td>
              <td className="mono-soft">{s.configs.join(', ') || '—'}</td>
              <td className="swarm-actions">
                <button
                  type="button"
                  className="button button-small button-danger"
                  aria-label={`Remove stack ${s.name}`}
                  onClick={() => setRemoving(s)}
                  {...guard(can.allowed('swarm.stackRemove'))}
                >
                  Remove stack…
                </button>
              </td>
            </tr>
          ))}
        </PlainTable>
      )}
      {removing && (
        <ConfirmDialog
          title={`Remove stack ${removing.name}?`}
          confirmLabel="Remove stack"
          danger
          busy={remove.busy}
          error={remove.error}
          confirmText={removing.name}
          onCancel={close}
          onConfirm={() => void remove.run({ hostId, name: removing.name }).then((o) => o.ok && close())}
        >
          <p>
            Removes {removing.services.length} services, {removing.secrets.length} secrets,{' '}
            {removing.configs.length} configs and {removing.networks.length} networks of the stack.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
