import { useId, useState } from 'react';
import { Dialog } from '../../components/ui/Dialog';
import { DialogActions } from '../../components/ui/DialogActions';
import { SelectField } from '../../components/ui/SelectField';
import { StartError } from './registries/RegistryConsent';
import { TaskLiveDialog } from '../../components/tasks/TaskLive';
import { loginHint, useRegistryMatch } from '../../hooks/useRegistryMatch';
import { useTaskCall } from '../../hooks/useTaskCall';
import type { ImageDialogProps } from './image-dialog';

/** Push one of the image's tags to its registry with the stored login, layer by layer. */
export function PushDialog({ host, image, onClose }: ImageDialogProps) {
  const [reference, setReference] = useState(image.repoTags[0] ?? '');
  const { taskId, busy, error, start } = useTaskCall('images.push');
  const match = useRegistryMatch(reference);
  const id = useId();

  if (taskId) {
    return (
      <TaskLiveDialog
        taskId={taskId}
        title={`Pushing ${reference}`}
        verb="push"
        size="large"
        where={`From ${host.name}.`}
        onClose={onClose}
      />
    );
  }

  return (
    <Dialog
      title="Push image"
      onClose={onClose}
      footer={
        <DialogActions
          submitLabel="Push"
          onCancel={onClose}
          busy={busy}
          disabled={!reference}
          onSubmit={() => void start({ hostId: host.id, reference })}
        />
      }
    >
      <SelectField
        id={`${id}-tag`}
        label="Tag to push"
        value={reference}
        choices={image.repoTags}
        onChange={setReference}
        mono
        hint={
          <>
            {loginHint(match) ?? 'The registry is the first part of the name (docker.io when there is none).'}{' '}
            To push elsewhere, add a tag with that registry first.
          </>
        }
      />
      {error && (
        <StartError
          error={error}
          title="Couldn't start the push"
          host={host}
          onRetry={() => void start({ hostId: host.id, reference })}
        />
      )}
    </Dialog>
  );
}
