import { useState } from 'react';
import { parseImageReference, type HostView } from '@shared/contract';
import { FormDialog } from '../../components/ui/FormDialog';
import { TextField } from '../../components/ui/Field';
import { StartError } from './registries/RegistryConsent';
import { TaskLiveDialog } from '../../components/tasks/TaskLive';
import { loginHint, useRegistryMatch } from '../../hooks/useRegistryMatch';
import { useCheckedForm } from '../../hooks/useCheckedForm';
import { useTaskCall } from '../../hooks/useTaskCall';
import { CopyAsMenu } from '../../components/api/CopyAsMenu';
import { pullFormCopy } from '@shared/apilog/form-copy';

/** Pull by reference: checked as typed (nothing is sent while it is malformed), then followed live. */
export function PullDialog({ host, onClose }: { host: HostView; onClose(): void }) {
  const [reference, setReference] = useState('');
  const { taskId, busy, error, start } = useTaskCall('images.pull');
  const parsed = parseImageReference(reference);
  const match = useRegistryMatch(reference);
  const pull = () => void start({ hostId: host.id, reference: reference.trim() });
  const { id, formId, touched, setTouched, shown, submit } = useCheckedForm(
    parsed.ok ? undefined : parsed.reason,
    pull,
  );

  if (taskId) {
    return (
      <TaskLiveDialog
        taskId={taskId}
        title={`Pulling ${reference.trim()}`}
        verb="pull"
        size="large"
        where={`On ${host.name}.`}
        onClose={onClose}
      />
    );
  }

  return (
    <FormDialog
      title={`Pull an image to ${host.name}`}
      onClose={onClose}
      formId={formId}
      actions={{
        submitLabel: 'Pull',
        busy,
        leading: (
          <CopyAsMenu
            hostId={host.id}
            build={() => (parsed.ok ? pullFormCopy(reference.trim(), Boolean(match?.login)) : undefined)}
          />
        ),
      }}
      onSubmit={submit}
      after={error && <StartError error={error} title="Couldn't start the pull" host={host} onRetry={pull} />}
    >
      <TextField
        id={`${id}-ref`}
        label="Image reference"
        value={reference}
        onChange={(v) => {
          setReference(v);
          if (touched && parseImageReference(v).ok) setTouched(false);
        }}
        placeholder="127.0.0.1:5000/team/app:1.0"
        required
        mono
        error={shown}
        hint={
          loginHint(match) ??
          'registry/name:tag or name@digest. Without a tag, :latest is pulled. Logins come from Registries.'
        }
      />
    </FormDialog>
  );
}
