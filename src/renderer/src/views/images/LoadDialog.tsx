import { useState } from 'react';
import type { HostView } from '@shared/contract';
import { FormDialog } from '../../components/ui/FormDialog';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { TaskLiveDialog } from '../../components/tasks/TaskLive';
import { useCheckedForm } from '../../hooks/useCheckedForm';
import { useTaskCall } from '../../hooks/useTaskCall';
import { HostFileField } from '../../components/HostFileField';
import { hostPathProblem } from '../../lib/host-path';

/** Load images from a tar file (as written by Save or docker save) on the backend's machine. */
export function LoadDialog({ host, onClose }: { host: HostView; onClose(): void }) {
  const [path, setPath] = useState('');
  const { taskId, busy, error, start } = useTaskCall('images.load');
  const { id, formId, shown, submit } = useCheckedForm(
    hostPathProblem(path, 'enter the path of a tar file'),
    () => void start({ hostId: host.id, path: path.trim() }),
  );

  if (taskId) {
    return <TaskLiveDialog taskId={taskId} title="Loading images" verb="load" onClose={onClose} />;
  }
  return (
    <FormDialog
      title={`Load images into ${host.name}`}
      onClose={onClose}
      formId={formId}
      actions={{ submitLabel: 'Load', busy }}
      onSubmit={submit}
      after={error && <ErrorBanner error={error} title="Couldn't start loading" />}
    >
      <HostFileField
        id={id}
        label="Tar file"
        value={path}
        onChange={setPath}
        placeholder="/tmp/app-1.0.tar"
        error={shown}
        hint="A file on the machine running Berthmaster (the server, in browser mode)."
      />
    </FormDialog>
  );
}
