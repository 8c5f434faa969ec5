import { useId, useState } from 'react';
import { volumeNameSchema, type HostView } from '@shared/contract';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { formatBytes } from '../../lib/format';
import { usePolicy } from '../../hooks/usePolicy';
import { usePreflight } from '../../hooks/usePreflight';
import { useTargetHost } from '../../hooks/useTargetHost';
import { useTaskCall } from '../../hooks/useTaskCall';
import {
  CheckboxRow,
  PreflightSection,
  TargetNameField,
  TransferFormDialog,
  TransferTaskDialog,
  useTargetName,
} from './TransferParts';

/** Copy a volume to another host: preflight (size, running users, name), then the copy task. */
export function VolumeCopyDialog({
  host,
  volume,
  onClose,
}: {
  host: HostView;
  volume: string;
  onClose(): void;
}) {
  const { hosts, target, setTarget, targetHost } = useTargetHost(host.id);
  const { name, setName, nameError } = useTargetName(volume, volumeNameSchema);
  const [stopUsers, setStopUsers] = useState(false);
  const [keepPartial, setKeepPartial] = useState(false);
  const id = useId();
  const pre = usePreflight(
    'mobility.volumeCopyPreflight',
    target && !nameError
      ? { hostId: host.id, name: volume, targetHostId: target, targetName: name }
      : undefined,
  );
  const copy = useTaskCall('mobility.volumeCopy');
  const verdict = usePolicy(target).allowed('mobility.volumeCopy');

  if (copy.taskId) {
    return (
      <TransferTaskDialog
        title={`Copying ${volume} to ${targetHost?.name ?? 'the other host'}`}
        taskId={copy.taskId}
        task={copy.task}
        verb="copy"
        onClose={onClose}
        large
      >
        Streaming from {host.name} to {targetHost?.name} as volume <strong className="mono">{name}</strong>.
        Closing this keeps the copy running: follow it in Tasks.
      </TransferTaskDialog>
    );
  }

  const report = pre.result;
  const users = report?.runningUsers ?? [];
  // Running users only warn: copying under them is the user's call (the list says why it may be inconsistent).
  const reason = !verdict.ok
    ? verdict.reason
    : report?.targetNameTaken
      ? `${name} already exists on ${targetHost?.name}: choose another name`
      : undefined;
  const blocked = !report || !!reason || !!nameError;

  return (
    <TransferFormDialog
      title="Copy volume to another host"
      onClose={onClose}
      target={{ id: `${id}-target`, hosts, value: target, onChange: setTarget }}
      action={{
        label: 'Copy',
        disabled: blocked,
        busy: copy.busy,
        reason,
        onStart: () =>
          void copy.start({
            hostId: host.id,
            name: volume,
            targetHostId: target,
            targetName: name,
            stopUsers,
            keepPartial,
          }),
      }}
      lead={
        <>
          Copy volume <strong className="mono">{volume}</strong> from <strong>{host.name}</strong>, engine to
          engine through two short-lived helper containers.
        </>
      }
      errors={
        <>
          {reason && !pre.loading && report && <p className="field-hint">{reason}</p>}
          {pre.error && <ErrorBanner error={pre.error} title="Couldn't check the copy" />}
          {copy.error && <ErrorBanner error={copy.error} title="Couldn't start the copy" />}
        </>
      }
    >
      <TargetNameField
        id={`${id}-name`}
        value={name}
        onChange={setName}
        error={
          nameError ?? (report?.targetNameTaken ? `a volume named ${name} already exists there` : undefined)
        }
      />
      <PreflightSection loading={pre.loading} checking="Checking both hosts…">
        {report && (
          <ul className="preflight-list">
            <li>
              Size:{' '}
              <strong>
                {report.size === null ? 'unknown (the driver does not say)' : formatBytes(report.size)}
              </strong>
            </li>
            <li>
              {report.targetNameTaken
                ? `Name taken on ${targetHost?.name}`
                : `Name free on ${targetHost?.name}`}
            </li>
            {users.length > 0 && (
              <li className="preflight-warning">
                In use by running {users.length === 1 ? 'container' : 'containers'}{' '}
                <strong>{users.map((u) => u.name).join(', ')}</strong>: copying a live database is
                inconsistent.
              </li>
            )}
          </ul>
        )}
        {users.length > 0 && (
          <CheckboxRow id={`${id}-stop`} checked={stopUsers} onChange={setStopUsers}>
            Stop them for the copy and start them after
          </CheckboxRow>
        )}
      </PreflightSection>
      <CheckboxRow id={`${id}-keep`} checked={keepPartial} onChange={setKeepPartial}>
        Keep a partial copy if it is cancelled or fails
      </CheckboxRow>
    </TransferFormDialog>
  );
}
