import { useEffect, useId, useState } from 'react';
import type { AppErrorShape, SwarmNode, SwarmService } from '@shared/contract';
import { Dialog } from '../../components/ui/Dialog';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { toErrorShape } from '../../lib/errors';
import { api } from '../../rpc/api';
import { UpdateProgress } from './UpdateProgress';

interface Props {
  hostId: string;
  service: SwarmService;
  nodes: SwarmNode[];
  onClose(): void;
  onDone(message: string): void;
}

/** Sets a replicated service's replica count, then shows the tasks following. */
export function ScaleDialog({ hostId, service, nodes, onClose, onDone }: Props) {
  const id = useId();
  const [replicas, setReplicas] = useState(String(service.desired));
  const [busy, setBusy] = useState(false);
  const [started, setStarted] = useState(false);
  const [error, setError] = useState<AppErrorShape>();
  const n = Number(replicas);
  const valid = replicas.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 1000;
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.swarm.serviceScale({ hostId, id: service.id, replicas: n });
      setStarted(true);
      onDone(`Scaling ${service.name} to ${n}.`);
    } catch (e) {
      setError(toErrorShape(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={`Scale ${service.name}`}
      onClose={onClose}
      size={started ? 'large' : 'small'}
      footer={
        started ? (
          <button type="button" className="button button-primary" onClick={onClose}>
            Close
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={!valid || busy}
              onClick={() => void submit()}
            >
              {busy ? 'Scaling…' : 'Scale'}
            </button>
          </>
        )
      }
    >
      {error && <ErrorBanner error={error} title="Could not scale" />}
      {started ? (
        <UpdateProgress hostId={hostId} serviceId={service.id} nodes={nodes} />
      ) : (
        <div className="field">
          <label className="field-label" htmlFor={id}>
            Replicas
          </label>
          <input
            id={id}
            className="input"
            type="number"
            min={0}
            max={1000}
            value={replicas}
            onChange={(e) => setReplicas(e.target.value)}
          />
          <p className="field-hint">
            Now {service.running} running of {service.desired} desired.
          </p>
        </div>
      )}
    </Dialog>
  );
}

/** A rolling update of image, environment and replicas, with live per-task progress. */
export function UpdateDialog({ hostId, service, nodes, onClose, onDone }: Props) {
  const ids = { image: useId(), env: useId(), replicas: useId() };
  const [image, setImage] = useState(service.image);
  const [env, setEnv] = useState<string>();
  const [replicas, setReplicas] = useState(String(service.desired));
  const [busy, setBusy] = useState(false);
  const [started, setStarted] = useState(false);
  const [error, setError] = useState<AppErrorShape>();
  const [originalEnv, setOriginalEnv] = useState<string>();

  useEffect(() => {
    void api.swarm
      .serviceInspect({ hostId, id: service.id })
      .then((d) => {
        const text = d.env.join('\n');
        setOriginalEnv(text);
        setEnv((e) => e ?? text);
      })
      .catch((e: unknown) => setError(toErrorShape(e)));
  }, [hostId, service.id]);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const envLines = (env ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      await api.swarm.serviceUpdate({
        hostId,
        id: service.id,
        version: service.version,
        ...(image.trim() !== service.image ? { image: image.trim() } : {}),
        ...(env !== undefined && env !== originalEnv ? { env: envLines } : {}),
        ...(service.mode === 'replicated' && Number(replicas) !== service.desired
          ? { replicas: Number(replicas) }
          : {}),
      });
      setStarted(true);
      onDone(`Updating ${service.name}.`);
    } catch (e) {
      setError(toErrorShape(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`Update ${service.name}`}
      onClose={onClose}
      size="large"
      footer={
        started ? (
          <button type="button" className="button button-primary" onClick={onClose}>
            Close
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy || !image.trim()}
              onClick={() => void submit()}
            >
              {busy ? 'Starting…' : 'Start rolling update'}
            </button>
          </>
        )
      }
    >
      {error && <ErrorBanner error={error} title="Could not update" />}
      {started ? (
        <UpdateProgress hostId={hostId} serviceId={service.id} nodes={nodes} />
      ) : (
        <div className="swarm-form">
          <div className="field">
            <label className="field-label" htmlFor={ids.image}>
              Image
            </label>
            <input
              id={ids.image}
              className="input mono"
              value={image}
              onChange={(e) => setImage(e.target.value)}
            />
          </div>
          {service.mode === 'replicated' && (
            <div className="field">
              <label className="field-label" htmlFor={ids.replicas}>
                Replicas
              </label>
              <input
                id={ids.replicas}
                className="input"
                type="number"
                min={0}
                value={replicas}
                onChange={(e) => setReplicas(e.target.value)}
              />
            </div>
          )}
          <div className="field">
            <label className="field-label" htmlFor={ids.env}>
              Environment <span className="optional">(KEY=value, one per line)</span>
            </label>
            <textarea
              id={ids.env}
              className="textarea mono"
              rows={4}
              value={env ?? ''}
              onChange={(e) => setEnv(e.target.value)}
            />
          </div>
          <p className="field-hint">
            Tasks are replaced by the service&apos;s update policy; you watch each one here. Version{' '}
            {service.version}: if someone changes the service meanwhile, the update is refused instead of
            overwriting theirs.
          </p>
        </div>
      )}
    </Dialog>
  );
}
