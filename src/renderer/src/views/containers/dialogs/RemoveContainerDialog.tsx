import { useState } from 'react';
import type { ContainerSummary } from '@shared/contract';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { isLive } from '../../../lib/container-filter';
import { KEEP_ALL, RemoveOptions, type RemoveChoice } from './RemoveOptions';

export interface RemoveContainerDialogProps {
  container: Pick<ContainerSummary, 'name' | 'state'>;
  hostName: string;
  /** Force only counts for a running container. */
  onConfirm(choice: RemoveChoice): void;
  onCancel(): void;
}

/** "Remove container?" naming the container and the host; Force when it is running. */
export function RemoveContainerDialog({
  container,
  hostName,
  onConfirm,
  onCancel,
}: RemoveContainerDialogProps) {
  const live = isLive(container);
  const [choice, setChoice] = useState(KEEP_ALL);
  return (
    <ConfirmDialog
      title="Remove container?"
      confirmLabel="Remove"
      danger
      confirmText={container.name}
      onConfirm={() => onConfirm({ ...choice, force: live && choice.force })}
      onCancel={onCancel}
    >
      <p>
        Remove container <strong className="mono">{container.name}</strong> from host{' '}
        <strong>{hostName}</strong>? Its writable layer is deleted; named volumes are kept.
      </p>
      <RemoveOptions
        value={choice}
        onChange={setChoice}
        forceLabel={live ? 'Force (container is running)' : undefined}
        volumesLabel="Also remove its anonymous volumes"
      />
      {live && !choice.force && (
        <p className="hint">
          Docker refuses to remove a running container unless you force it or stop it first.
        </p>
      )}
    </ConfirmDialog>
  );
}
