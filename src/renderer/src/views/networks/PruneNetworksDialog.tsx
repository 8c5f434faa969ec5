import { useState } from 'react';
import type { NetworkSummary } from '@shared/contract';
import { Dialog } from '../../components/ui/Dialog';
import { DialogActions } from '../../components/ui/DialogActions';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { useMutation } from '../../hooks/useMutation';

export interface PruneNetworksDialogProps {
  hostId: string;
  hostName: string;
  /** The networks as listed now: those with no container are what a prune removes. */
  networks: NetworkSummary[];
  onClose(): void;
  onPruned(removed: string[]): void;
}

/** Preview (networks without containers), confirm, then the list of what the engine removed. */
export function PruneNetworksDialog({
  hostId,
  hostName,
  networks,
  onClose,
  onPruned,
}: PruneNetworksDialogProps) {
  const candidates = networks.filter((n) => !n.builtin && n.containerCount === 0 && !n.ingress);
  const prune = useMutation('networks.prune');
  const { busy, error } = prune;
  const [removed, setRemoved] = useState<string[]>();

  const run = async () => {
    const out = await prune.run({ hostId });
    if (!out.ok) return;
    setRemoved(out.value.removed);
    onPruned(out.value.removed);
  };

  return (
    <Dialog
      title={removed ? 'Unused networks removed' : `Remove unused networks on ${hostName}?`}
      onClose={onClose}
      size="medium"
      dismissOnBackdrop={!busy}
      footer={
        <DialogActions
          done={!!removed}
          onCancel={onClose}
          submitLabel="Remove unused networks"
          danger
          busy={busy}
          disabled={candidates.length === 0}
          onSubmit={() => void run()}
        />
      }
    >
      {removed ? (
        removed.length ? (
          <div className="confirm-body" role="status">
            <p>
              Removed {removed.length} network{removed.length === 1 ? '' : 's'}:
            </p>
            <ul className="plain-list mono" aria-label="Removed networks">
              {removed.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p role="status">Nothing was removed: every network is in use or built in.</p>
        )
      ) : candidates.length ? (
        <div className="confirm-body">
          <p>
            These {candidates.length} network{candidates.length === 1 ? ' has' : 's have'} no containers and
            will be removed. Built-in networks stay.
          </p>
          <ul className="plain-list mono preview-list" aria-label="Networks to remove">
            {candidates.map((n) => (
              <li key={n.id}>{n.name}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p>No unused networks: every network has containers or is built in.</p>
      )}
      {error && <ErrorBanner error={error} title="Couldn't prune networks" />}
    </Dialog>
  );
}
