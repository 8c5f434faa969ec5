import { useId, useState } from 'react';
import { containerNameSchema, type ContainerTransferPreflight, type HostView } from '@shared/contract';
import { formatBytes } from '../../lib/format';
import { usePolicy } from '../../hooks/usePolicy';
import { usePreflight } from '../../hooks/usePreflight';
import { useTargetHost } from '../../hooks/useTargetHost';
import { useTaskCall } from '../../hooks/useTaskCall';
import { MoveCloneDialog } from './MoveCloneDialog';
import { CheckboxRow, ProblemItems, TargetNameField, useTargetName, VolumeItems } from './TransferParts';

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
  const targetHost = useTargetHost(host.id);
  const target = targetHost.target;
  const { name, setName, nameError } = useTargetName(sourceName, containerNameSchema);
  const [removeSource, setRemoveSource] = useState(false);
  const id = useId();
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

  return (
    <MoveCloneDialog
      mode={mode}
      what={sourceName}
      title={`${verb} container to another host`}
      id={id}
      target={targetHost}
      pre={pre}
      transfer={transfer}
      verdict={verdict}
      invalid={!!nameError}
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
      lead={
        <>
          {verb} <strong className="mono">{sourceName}</strong> from <strong>{host.name}</strong>: its image,
          named volumes and configuration (ports, env, mounts, networks, restart, limits, labels).
          {mode === 'clone' ? ' The source keeps running.' : ''}
        </>
      }
      steps={(targetName) => (
        <>
          Image, volumes, then the container on {targetName}, started and checked before anything happens on{' '}
          {host.name}.
        </>
      )}
      report={(report, targetName) => <PreflightReport report={report} targetName={targetName} />}
      onClose={onClose}
    >
      <TargetNameField id={`${id}-name`} value={name} onChange={setName} error={nameError} />
      {mode === 'move' && (
        <CheckboxRow id={`${id}-remove`} checked={removeSource} onChange={setRemoveSource}>
          Remove the source afterwards (otherwise it is only stopped)
        </CheckboxRow>
      )}
    </MoveCloneDialog>
  );
}
