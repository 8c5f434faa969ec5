import { PlainTable } from '../../components/ui/PlainTable';
import { useState } from 'react';
import type { StackSummary } from '@shared/contract';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { guard } from '../../lib/policy';
import { usePolicy } from '../../hooks/usePolicy';
import { useSwarmObjects } from '../../hooks/useSwarm';
import { RemoveObjectDialog } from './RemoveObjectDialog';

/** Stacks: services, networks, secrets and configs grouped by com.docker.stack.namespace. */
export function StacksPanel({ hostId }: { hostId: string }) {
  const can = usePolicy(hostId);
  const { stacks, error } = useSwarmObjects(hostId);
  const [removing, setRemoving] = useState<StackSummary>();

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
        <RemoveObjectDialog
          hostId={hostId}
          method="swarm.stackRemove"
          input={{ hostId, name: removing.name }}
          what="stack"
          name={removing.name}
          toast={(r) =>
            r.failed.length
              ? `Stack ${removing.name}: removed ${r.removed.length}, ${r.failed.length} failed (${r.failed.map((f) => f.name).join(', ')}).`
              : `Removed stack ${removing.name} (${r.removed.length} objects).`
          }
          onClose={() => setRemoving(undefined)}
        >
          <p>
            Removes {removing.services.length} services, {removing.secrets.length} secrets,{' '}
            {removing.configs.length} configs and {removing.networks.length} networks of the stack.
          </p>
        </RemoveObjectDialog>
      )}
    </div>
  );
}
