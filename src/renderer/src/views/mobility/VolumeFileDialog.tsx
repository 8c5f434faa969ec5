import { useState } from 'react';
import type { HostView } from '@shared/contract';
import { FormDialog } from '../../components/ui/FormDialog';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { useCheckedForm } from '../../hooks/useCheckedForm';
import { useTaskCall } from '../../hooks/useTaskCall';
import { HostFileField } from '../../components/HostFileField';
import { hostPathProblem } from '../../lib/host-path';
import { CheckboxRow, TransferTaskDialog } from './TransferParts';

/**
 * Back a volume up to a tar file, or restore one into it, on the machine running Berthmaster's
 * backend (as image Save and Load do).
 */
export function VolumeFileDialog({
  host,
  volume,
  mode,
  onClose,
}: {
  host: HostView;
  volume: string;
  mode: 'backup' | 'restore';
  onClose(): void;
}) {
  const backup = mode === 'backup';
  const [path, setPath] = useState(`/tmp/${volume}.tar`);
  const [flag, setFlag] = useState(!backup);
  const backupCall = useTaskCall('mobility.volumeBackup');
  const restoreCall = useTaskCall('mobility.volumeRestore');
  const call = backup ? backupCall : restoreCall;
  const { id, formId, shown, submit } = useCheckedForm(hostPathProblem(path, 'enter a file path'), () => {
    const file = path.trim();
    if (backup) void backupCall.start({ hostId: host.id, name: volume, file, overwrite: flag });
    else void restoreCall.start({ hostId: host.id, name: volume, file, create: flag });
  });

  if (call.taskId) {
    return (
      <TransferTaskDialog
        title={backup ? `Backing up ${volume}` : `Restoring into ${volume}`}
        taskId={call.taskId}
        task={call.task}
        verb={backup ? 'backup' : 'restore'}
        onClose={onClose}
      />
    );
  }
  return (
    <FormDialog
      title={backup ? 'Back up volume to a file' : 'Restore volume from a file'}
      onClose={onClose}
      formId={formId}
      formClassName="mobility-form"
      actions={{ submitLabel: backup ? 'Back up' : 'Restore', busy: call.busy }}
      onSubmit={submit}
      lead={
        <p className="dialog-lead">
          {backup ? 'Back up' : 'Restore into'} volume <strong className="mono">{volume}</strong> on{' '}
          <strong>{host.name}</strong>.
        </p>
      }
      after={
        call.error && (
          <ErrorBanner
            error={call.error}
            title={backup ? "Couldn't start the backup" : "Couldn't start the restore"}
          />
        )
      }
    >
      <HostFileField
        id={id}
        value={path}
        onChange={setPath}
        error={shown}
        hint={
          backup
            ? 'A tar file on the machine running Berthmaster (the server, in browser mode), of the files at the volume root.'
            : 'A tar file on the machine running Berthmaster (the server, in browser mode): its files go to the volume root.'
        }
      />
      <CheckboxRow id={`${id}-flag`} checked={flag} onChange={setFlag}>
        {backup ? 'Replace the file if it exists' : 'Create the volume if it does not exist'}
      </CheckboxRow>
    </FormDialog>
  );
}
