import { useEffect, useId, useState, type ReactNode } from 'react';
import type { AppErrorShape, SwarmNode, SwarmService } from '@shared/contract';
import { LabeledField } from '../../components/ui/LabeledField';
import { Dialog } from '../../components/ui/Dialog';
import { DialogActions } from '../../components/ui/DialogActions';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { useQuery } from '../../hooks/useQuery';
import { useSwarmMutation } from '../../hooks/useSwarm';
import { UpdateProgress } from './UpdateProgress';

interface Props {
  hostId: string;
  service: SwarmService;
  nodes: SwarmNode[];
  onClose(): void;
}

/**
 * A change to a service (scale, update): its form, then, once the engine took it, the tasks
 * following it live in place of the form.
 */
function ServiceChangeDialog(props: {
  title: string;
  hostId: string;
  service: SwarmService;
  nodes: SwarmNode[];
  onClose(): void;
  started: boolean;
  small?: boolean;
  canSubmit: boolean;
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  error: AppErrorShape | undefined;
  errorTitle: string;
  onSubmit(): void;
  children: ReactNode;
}) {
  const { started, onClose, busy } = props;
  return (
    <Dialog
      title={props.title}
      onClose={onClose}
      size={props.small && !started ? 'small' : 'large'}
      footer={
        <DialogActions
          done={started}
          doneLabel="Close"
          onCancel={onClose}
          submitLabel={props.submitLabel}
          busy={busy}
          busyLabel={props.busyLabel}
          disabled={!props.canSubmit}
          onSubmit={props.onSubmit}
        />
      }
    >
      {props.error && <ErrorBanner error={props.error} title={props.errorTitle} />}
      {started ? (
        <UpdateProgress hostId={props.hostId} serviceId={props.service.id} nodes={props.nodes} />
      ) : (
        props.children
      )}
    </Dialog>
  );
}

/** Sets a replicated service's replica count, then shows the tasks following. */
export function ScaleDialog({ hostId, service, nodes, onClose }: Props) {
  const id = useId();
  const [replicas, setReplicas] = useState(String(service.desired));
  const [started, setStarted] = useState(false);
  const scale = useSwarmMutation('swarm.serviceScale', hostId, {
    toast: (_, i) => `Scaling ${service.name} to ${i.replicas}.`,
  });
  const n = Number(replicas);
  const valid = replicas.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 1000;
  const submit = async () => {
    if ((await scale.run({ hostId, id: service.id, replicas: n })).ok) setStarted(true);
  };
  return (
    <ServiceChangeDialog
      title={`Scale ${service.name}`}
      {...{ hostId, service, nodes, onClose, started }}
      small
      canSubmit={valid}
      busy={scale.busy}
      submitLabel="Scale"
      busyLabel="Scaling…"
      error={scale.error}
      errorTitle="Could not scale"
      onSubmit={() => void submit()}
    >
      <LabeledField
        id={id}
        label="Replicas"
        hint={`Now ${service.running} running of ${service.desired} desired.`}
      >
        <input
          id={id}
          className="input"
          type="number"
          min={0}
          max={1000}
          value={replicas}
          onChange={(e) => setReplicas(e.target.value)}
        />
      </LabeledField>
    </ServiceChangeDialog>
  );
}

/** A rolling update of image, environment and replicas, with live per-task progress. */
export function UpdateDialog({ hostId, service, nodes, onClose }: Props) {
  const ids = { image: useId(), env: useId(), replicas: useId() };
  const [image, setImage] = useState(service.image);
  const [env, setEnv] = useState<string>();
  const [replicas, setReplicas] = useState(String(service.desired));
  const [started, setStarted] = useState(false);
  const spec = useQuery('swarm.serviceInspect', { hostId, id: service.id });
  const originalEnv = spec.result?.env.join('\n');
  useEffect(() => {
    if (originalEnv !== undefined) setEnv((e) => e ?? originalEnv);
  }, [originalEnv]);
  const update = useSwarmMutation('swarm.serviceUpdate', hostId, {
    toast: () => `Updating ${service.name}.`,
  });

  const submit = async () => {
    const envLines = (env ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const outcome = await update.run({
      hostId,
      id: service.id,
      version: service.version,
      ...(image.trim() !== service.image ? { image: image.trim() } : {}),
      ...(env !== undefined && env !== originalEnv ? { env: envLines } : {}),
      ...(service.mode === 'replicated' && Number(replicas) !== service.desired
        ? { replicas: Number(replicas) }
        : {}),
    });
    if (outcome.ok) setStarted(true);
  };

  return (
    <ServiceChangeDialog
      title={`Update ${service.name}`}
      {...{ hostId, service, nodes, onClose, started }}
      canSubmit={!!image.trim()}
      busy={update.busy}
      submitLabel="Start rolling update"
      busyLabel="Starting…"
      error={update.error ?? spec.error}
      errorTitle="Could not update"
      onSubmit={() => void submit()}
    >
      <div className="swarm-form">
        <LabeledField id={ids.image} label="Image">
          <input
            id={ids.image}
            className="input mono"
            value={image}
            onChange={(e) => setImage(e.target.value)}
          />
        </LabeledField>
        {service.mode === 'replicated' && (
          <LabeledField id={ids.replicas} label="Replicas">
            <input
              id={ids.replicas}
              className="input"
              type="number"
              min={0}
              value={replicas}
              onChange={(e) => setReplicas(e.target.value)}
            />
          </LabeledField>
        )}
        <LabeledField
          id={ids.env}
          label={
            <>
              Environment <span className="optional">(KEY=value, one per line)</span>
            </>
          }
        >
          <textarea
            id={ids.env}
            className="textarea mono"
            rows={4}
            value={env ?? ''}
            onChange={(e) => setEnv(e.target.value)}
          />
        </LabeledField>
        <p className="field-hint">
          Tasks are replaced by the service&apos;s update policy; you watch each one here. Version{' '}
          {service.version}: if someone changes the service meanwhile, the update is refused instead of
          overwriting theirs.
        </p>
      </div>
    </ServiceChangeDialog>
  );
}
