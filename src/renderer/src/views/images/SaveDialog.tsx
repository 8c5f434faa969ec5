import { useState } from 'react';
import { FormDialog } from '../../components/ui/FormDialog';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { TaskLiveDialog } from '../../components/tasks/TaskLive';
import { imageLabel } from './filter';
import { referencesOf, tarNameFor } from './references';
import { useCheckedForm } from '../../hooks/useCheckedForm';
import { useTaskCall } from '../../hooks/useTaskCall';
import { HostFileField } from '../../components/HostFileField';
import { hostPathProblem } from '../../lib/host-path';
import type { ImageDialogProps } from './image-dialog';

/** Save an image (all its tags) to a tar file on the machine running Berthmaster's backend. */
export function SaveDialog({ host, image, onClose }: ImageDialogProps) {
  const [path, setPath] = useState(`/tmp/${tarNameFor(image)}`);
  const [overwrite, setOverwrite] = useState(false);
  const { taskId, busy, error, start } = useTaskCall('images.save');
  const { id, formId, shown, submit } = useCheckedForm(
    hostPathProblem(path, 'enter a file path'),
    () => void start({ hostId: host.id, references: referencesOf(image), path: path.trim(), overwrite }),
  );

  if (taskId) {
    return (
      <TaskLiveDialog taskId={taskId} title={`Saving ${imageLabel(image)}`} verb="save" onClose={onClose} />
    );
  }
  return (
    <FormDialog
      title="Save image to a file"
      onClose={onClose}
      formId={formId}
      actions={{ submitLabel: 'Save', busy }}
      onSubmit={submit}
      after={error && <ErrorBanner error={error} title="Couldn't start saving" />}
    >
      <HostFileField
        id={id}
        value={path}
        onChange={setPath}
        error={shown}
        hint="A tar file on the machine running Berthmaster (the server, in browser mode). Load it with Load or docker load."
      />
      <div className="checkbox-row">
        <input
          id={`${id}-ow`}
          type="checkbox"
          checked={overwrite}
          onChange={(e) => setOverwrite(e.target.checked)}
        />
        <label htmlFor={`${id}-ow`}>Replace the file if it exists</label>
      </div>
    </FormDialog>
  );
}
