import type { ReactNode } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { MutationOptions } from '../../hooks/useMutation';
import { useSwarmMutation } from '../../hooks/useSwarm';
import type { CallInputOf, CallName } from '../../lib/method-types';

interface RemoveObjectDialogProps<K extends CallName> {
  hostId: string;
  method: K;
  input: CallInputOf<K>;
  /** What it removes ("secret", "stack"): "Remove secret db-pass?", confirmed by typing its name. */
  what: string;
  name: string;
  toast: MutationOptions<K>['toast'];
  onClose(): void;
  /** What the removal takes with it, or what stands in its way. */
  children: ReactNode;
}

/** Removes one swarm object (stack, secret, config) once its name is typed; closes when done. */
export function RemoveObjectDialog<K extends CallName>(p: RemoveObjectDialogProps<K>) {
  const remove = useSwarmMutation(p.method, p.hostId, { toast: p.toast });
  return (
    <ConfirmDialog
      title={`Remove ${p.what} ${p.name}?`}
      confirmLabel={`Remove ${p.what}`}
      danger
      busy={remove.busy}
      error={remove.error}
      confirmText={p.name}
      onCancel={p.onClose}
      onConfirm={() => void remove.run(p.input).then((o) => o.ok && p.onClose())}
    >
      {p.children}
    </ConfirmDialog>
  );
}
