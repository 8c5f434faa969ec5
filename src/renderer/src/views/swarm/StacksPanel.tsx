import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape, StackSummary } from '@shared/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { toErrorShape } from '../../lib/errors';
import { guard } from '../../lib/policy';
import { usePolicy } from '../../hooks/usePolicy';
import { api } from '../../rpc/api';

/** Stacks: services, networks, secrets and configs grouped by com.docker.stack.namespace. */
export function StacksPanel({ hostId, onChanged }: { hostId: string; onChanged(m: string): void }) {
  const can = usePolicy(hostId);
  const [stacks, setStacks] = useState<StackSummary[]>();
  const [error, setError] = useState<AppErrorShape>();
  const [removing, setRemoving] = useState<StackSummary>();
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    api.swarm
      .stacks({ hostId })
      .then(setStacks)
      .catch((e: unknown) => setError(toErrorShape(e)));
  }, [hostId]);
  useEffect(load, [load]);

  const remove = async (s: StackSummary) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await api.swarm.stackRemove({ hostId, name: s.name });
      setRemoving(undefined);
      onChanged(
        r.failed.length
          ? `Stack ${s.name}: removed ${r.removed.length}, ${r.failed.length} failed (${r.failed.map((f) => f.name).join(', ')}).`
          : `Removed stack ${s.name} (${r.removed.length} objects).`,
      );
      load();
    } catch (e) {
      setError(toErrorShape(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="swarm-panel">
      {error && !removing && <ErrorBanner error={error} title="Could not read the stacks" />}
      {stacks?.length === 0 && (
        <p className="empty-state">No stacks: nothing carries the com.docker.stack.namespace label.</p>
      )}
      {stacks && stacks.length > 0 && (
        <table className="swarm-table" aria-label="Stacks">
          <thead>
            <tr>
              <th>Stack</th>
              <th>Services</th>
              <th>Networks</th>
              <th>Secrets</th>
              <th>Configs</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      )}
      {removing && (
        <ConfirmDialog
          title={`Remove stack ${removing.name}?`}
          confirmLabel="Remove stack"
          danger
          busy={busy}
          error={error}
          confirmText={removing.name}
          onCancel={() => setRemoving(undefined)}
          onConfirm={() => void remove(removing)}
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
