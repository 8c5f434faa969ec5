import { useId, useState } from 'react';
import { containerNameSchema, type ContainerTransferPreflight, type HostView } from '@shared/contract';
import { Dialog } from '../../components/ui/Dialog';
import { TextField } from '../../components/ui/Field';
import { formatBytes } from '../../lib/format';
import { usePolicy } from '../../hooks/usePolicy';
import { usePreflight } from '../../hooks/usePreflight';
import { useTaskCall } from '../../hooks/useTaskCall';
import { useHostsStore } from '../../stores/hosts';
import { TargetHostField, useTargetHosts } from './TargetHostField';
import {
  CheckboxRow,
  PreflightSection,
  ProblemItems,
  TransferActions,
  TransferErrors,
  TransferTaskDialog,
  VolumeItems,
} from './TransferParts';

/** What the preflight found on the target, one line per thing; blocking problems in red. */
function PreflightReport({ report, targetName }: { report: ContainerTransferPreflight; targetName: string }) {
  const { image, volumes, problems } = report;
  return (
    <ul className="preflight-list">
      <li>
        Image <strong className="mono">{image.reference}</strong>:{' '}
        {image.presentOnTarget
          ? `already on ${targetName}`
          : `copied to ${targetName} (${formatBytes(image.size)})`}
      </li>
      <VolumeItems volumes={volumes} targetName={targetName} none="No named volumes to copy" />
      <ProblemItems problems={problems} targetName={targetName} />
    </ul>
  );
}

/**
 * Move or clone a container to another host: its image, named volumes and run configuration,
 * after a preflight on the target. A move stops (and optionally removes) it on the source.
 */
export function ContainerTransferDialog({
  host,
  containerId,
  name: sourceName,
  mode,
  onClose,
}: {
  host: HostView;
  containerId: string;
  name: string;
  mode: 'move' | 'clone';
  onClose(): void;
}) {
  const targets = useTargetHosts(host.id);
  const [target, setTarget] = useState(targets[0]?.id ?? '');
  const [name, setName] = useState(sourceName);
  const [removeSource, setRemoveSource] = useState(false);
  const id = useId();
  const targetHost = useHostsStore((s) => s.hosts.find((h) => h.id === target));
  const nameError = containerNameSchema.safeParse(name).error?.issues[0]?.message;
  const pre = usePreflight(
    'mobility.containerPreflight',
    target && !nameError
      ? { hostId: host.id, container: containerId, targetHostId: target, name }
      : undefined,
  );
  const transfer = useTaskCall('mobility.containerTransfer');
  const verdict = usePolicy(target).allowed('mobility.containerTransfer', {
    hostId: host.id,
    container: containerId,
    targetHostId: target,
    mode,
  });
  const verb = mode === 'move' ? 'Move' : 'Clone';
  const targetName = targetHost?.name ?? 'the target';

  if (transfer.taskId) {
    return (
      <TransferTaskDialog
        title={`${mode === 'move' ? 'Moving' : 'Cloning'} ${sourceName} to ${targetName}`}
        taskId={transfer.taskId}
        task={transfer.task}
        verb={mode}
        onClose={onClose}
        large
      >
        Image, volumes, then the container on {targetName}, started and checked before anything happens on{' '}
        {host.name}. Closing this keeps it running: follow it in Tasks.
      </TransferTaskDialog>
    );
  }

  const report = pre.result;
  const blocking = report?.problems.find((p) => p.blocking);
  const reason = !verdict.ok ? verdict.reason : blocking ? blocking.message : undefined;

  return (
    <Dialog
      title={`${verb} container to another host`}
      onClose={onClose}
      size="large"
      footer={
        <TransferActions
          label={verb}
          disabled={!report || !!reason || !!nameError}
          busy={transfer.busy}
          reason={reason}
          onStart={() =>
            void transfer.start({
              hostId: host.id,
              container: containerId,
              targetHostId: target,
              name,
              mode,
              removeSource: mode === 'move' && removeSource,
            })
          }
          onClose={onClose}
        />
      }
    >
      <p className="dialog-lead">
        {verb} <strong className="mono">{sourceName}</strong> from <strong>{host.name}</strong>: its image,
        named volumes and configuration (ports, env, mounts, networks, restart, limits, labels).
        {mode === 'clone' ? ' The source keeps running.' : ''}
      </p>
      <div className="mobility-form">
        <TargetHostField id={`${id}-target`} hosts={targets} value={target} onChange={setTarget} />
        <TextField
          id={`${id}-name`}
          label="Name on the target"
          value={name}
          onChange={setName}
          required
          mono
          error={nameError}
        />
        {mode === 'move' && (
          <CheckboxRow id={`${id}-remove`} checked={removeSource} onChange={setRemoveSource}>
            Remove the source afterwards (otherwise it is only stopped)
          </CheckboxRow>
        )}
        <PreflightSection
          title={`On ${targetName}`}
          loading={pre.loading}
          checking={`Checking ${targetName}…`}
        >
          {report && <PreflightReport report={report} targetName={targetName} />}
        </PreflightSection>
      </div>
      <TransferErrors
        mode={mode}
        reason={report ? reason : undefined}
        checkError={pre.error}
        startError={transfer.error}
      />
    </Dialog>
  );
}
