import { useId, useState } from 'react';
import { CheckboxField } from '../../../components/ui/CheckboxField';
import type { ContainerSummary } from '@shared/contract';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { isLive } from '../../../lib/container-filter';

export interface RemoveContainerDialogProps {
  container: Pick<ContainerSummary, 'name' | 'state'>;
  hostName: string;
  onConfirm(force: boolean, volumes: boolean): void;
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
  const [force, setForce] = useState(false);
  const [volumes, setVolumes] = useState(false);
  const forceId = useId();
  const volumesId = useId();
  return (
    <ConfirmDialog
      title="Remove container?"
      confirmLabel="Remove"
      danger
      confirmText={container.name}
      onConfirm={() => onConfirm(live && force, volumes)}
      onCancel={onCancel}
    >
      <p>
        Remove container <strong className="mono">{container.name}</strong> from host{' '}
        <strong>{hostName}</strong>? Its writable layer is deleted; named volumes are kept.
      </p>
      {live && (
        <CheckboxField
          id={forceId}
          label="Force (container is running)"
          checked={force}
          onChange={setForce}
        />
      )}
      <CheckboxField
        id={volumesId}
        label="Also remove its anonymous volumes"
        checked={volumes}
        onChange={setVolumes}
      />
      {live && !force && (
        <p className="hint">
          Docker refuses to remove a running container unless you force it or stop it first.
        </p>
      )}
    </ConfirmDialog>
  );
}
