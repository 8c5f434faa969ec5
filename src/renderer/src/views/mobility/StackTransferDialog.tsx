import { useId, useState } from 'react';
import type { HostView, StackTransferPreflight } from '@shared/contract';
import { SelectField } from '../../components/ui/SelectField';
import { formatBytes } from '../../lib/format';
import { usePolicy } from '../../hooks/usePolicy';
import { usePreflight } from '../../hooks/usePreflight';
import { useTargetHost } from '../../hooks/useTargetHost';
import { useTaskCall } from '../../hooks/useTaskCall';
import { MoveCloneDialog } from './MoveCloneDialog';
import { CheckboxRow, ProblemItems, VolumeItems } from './TransferParts';

function StackReport({ report, targetName }: { report: StackTransferPreflight; targetName: string }) {
  return (
    <>
      <ul className="preflight-list">
        <li>
          Compose file:{' '}
          {report.file === 'stored'
            ? 'the one Berthmaster keeps for this project'
            : 'rebuilt from the containers (the project was not deployed here)'}
        </li>
        {report.images.map((i) => (
          <li key={i.reference}>
            Image <strong className="mono">{i.reference}</strong> ({i.services.join(', ')}):{' '}
            {i.presentOnTarget
              ? `already on ${targetName}`
              : `copied to ${targetName}${i.size === null ? '' : ` (${formatBytes(i.size)})`}`}
          </li>
        ))}
        <VolumeItems
          volumes={report.volumes}
          targetName={targetName}
          none="No named volumes with data to copy"
        />
        <ProblemItems problems={report.problems} targetName={targetName} />
      </ul>
      <details className="preflight-file">
        <summary>Compose file deployed on {targetName}</summary>
        <pre className="mono">{report.composeYaml}</pre>
      </details>
    </>
  );
}

/**
 * Move or clone a compose project to another host, service by service: its file, images and
 * named volumes, after a preflight on the target; deployed there through the stacks service.
 * A move stops (and optionally takes down) the project on the source once the target runs it.
 */
export function StackTransferDialog({
  host,
  project,
  onClose,
}: {
  host: HostView;
  project: string;
  onClose(): void;
}) {
  const targetHost = useTargetHost(host.id);
  const target = targetHost.target;
  const [mode, setMode] = useState<'move' | 'clone'>('clone');
  const [removeSource, setRemoveSource] = useState(false);
  const id = useId();
  const pre = usePreflight(
    'mobility.stackPreflight',
    target ? { hostId: host.id, project, targetHostId: target } : undefined,
  );
  const transfer = useTaskCall('mobility.stackTransfer');
  const input = {
    hostId: host.id,
    project,
    targetHostId: target,
    mode,
    removeSource: mode === 'move' && removeSource,
  };
  const verdict = usePolicy(target).allowed('mobility.stackTransfer', input);

  return (
    <MoveCloneDialog
      mode={mode}
      what={project}
      title={`Move or clone project ${project}`}
      id={id}
      target={targetHost}
      pre={pre}
      transfer={transfer}
      verdict={verdict}
      onStart={() => void transfer.start(input)}
      lead={
        <>
          Take compose project <strong className="mono">{project}</strong> from <strong>{host.name}</strong>{' '}
          to another host with its compose file, images and named volumes. Running services are stopped while
          their volumes are copied.
        </>
      }
      steps={(targetName) => (
        <>
          Images, volumes, then the project deployed on {targetName} and checked before anything happens on{' '}
          {host.name}.
        </>
      )}
      report={(report, targetName) => <StackReport report={report} targetName={targetName} />}
      onClose={onClose}
    >
      <SelectField
        id={`${id}-mode`}
        label="Mode"
        value={mode}
        choices={[
          { value: 'clone', text: `Clone: the project keeps running on ${host.name}` },
          { value: 'move', text: `Move: the project is stopped on ${host.name} once it runs on the target` },
        ]}
        onChange={setMode}
      />
      {mode === 'move' && (
        <CheckboxRow id={`${id}-remove`} checked={removeSource} onChange={setRemoveSource}>
          Take the project down on {host.name} afterwards (its volumes stay)
        </CheckboxRow>
      )}
    </MoveCloneDialog>
  );
}
