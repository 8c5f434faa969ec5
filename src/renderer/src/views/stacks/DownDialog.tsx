import { useState } from 'react';
import type { ComposeStackSummary } from '@shared/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useMutation } from '../../hooks/useMutation';
import { plural } from '../../lib/plural';

export interface DownDialogProps {
  hostId: string;
  hostName: string;
  stack: ComposeStackSummary;
  onClose(): void;
  onStarted(taskId: string): void;
}

/** `down`: removes the containers and networks, the volumes only when asked; typed on production. */
export function DownDialog({ hostId, hostName, stack, onClose, onStarted }: DownDialogProps) {
  const [volumes, setVolumes] = useState(false);
  const down = useMutation('stacks.down');
  const containers = stack.services.reduce((n, s) => n + s.containers.length, 0);
  return (
    <ConfirmDialog
      title={`Take ${stack.name} down?`}
      confirmLabel={volumes ? 'Down and delete volumes' : 'Down'}
      danger
      confirmText={stack.name}
      busy={down.busy}
      error={down.error}
      onCancel={onClose}
      onConfirm={() =>
        void down
          .run({ hostId, project: stack.name, volumes, removeOrphans: true })
          .then((o) => o.ok && onStarted(o.value.taskId))
      }
    >
      <p>
        {plural(containers, 'container')} and the stack’s networks are removed from {hostName}.
        {stack.stored && ' The compose file stays in the app, so the stack can be deployed again.'}
      </p>
      <label className="field-inline">
        <input type="checkbox" checked={volumes} onChange={(e) => setVolumes(e.target.checked)} /> Also delete
        its volumes{stack.volumes.length > 0 && ` (${stack.volumes.join(', ')})`}: their data is lost
      </label>
    </ConfirmDialog>
  );
}
