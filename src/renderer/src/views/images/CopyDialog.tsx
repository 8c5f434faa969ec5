import { useId } from 'react';
import { Dialog } from '../../components/ui/Dialog';
import { DialogActions } from '../../components/ui/DialogActions';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { TargetHostField } from '../../components/TargetHostField';
import { useTargetHost } from '../../hooks/useTargetHost';
import { TaskLiveDialog } from '../../components/tasks/TaskLive';
import { imageLabel } from './filter';
import { referencesOf } from './references';
import { useTaskCall } from '../../hooks/useTaskCall';
import type { ImageDialogProps } from './image-dialog';

/** Copy to another host: `docker save` on this engine streams straight into `docker load` there. */
export function CopyDialog({ host, image, onClose }: ImageDialogProps) {
  const { hosts, target, setTarget, targetHost } = useTargetHost(host.id);
  const { taskId, busy, error, start } = useTaskCall('images.copy');
  const id = useId();
  const label = imageLabel(image);

  if (taskId) {
    return (
      <TaskLiveDialog
        taskId={taskId}
        title={`Copying ${label} to ${targetHost?.name ?? 'the other host'}`}
        verb="copy"
        size="large"
        where={`Streaming from ${host.name} to ${targetHost?.name ?? 'the other host'}, with no temporary file.`}
        onClose={onClose}
      />
    );
  }

  return (
    <Dialog
      title="Copy image to another host"
      onClose={onClose}
      footer={
        <DialogActions
          submitLabel="Copy"
          onCancel={onClose}
          busy={busy}
          disabled={!target}
          onSubmit={() =>
            void start({ hostId: host.id, targetHostId: target, references: referencesOf(image) })
          }
        />
      }
    >
      <p className="dialog-lead">
        Copy <strong className="mono">{label}</strong>
        {image.repoTags.length > 1 ? ` (and its ${image.repoTags.length - 1} other tags)` : ''} from{' '}
        <strong>{host.name}</strong> to:
      </p>
      <TargetHostField
        id={`${id}-target`}
        hosts={hosts}
        value={target}
        onChange={setTarget}
        nowhere="there is nowhere to copy to"
        hint="The image goes engine to engine through Berthmaster, whatever the connections (socket, TLS or SSH)."
      />
      {error && <ErrorBanner error={error} title="Couldn't start the copy" />}
    </Dialog>
  );
}
