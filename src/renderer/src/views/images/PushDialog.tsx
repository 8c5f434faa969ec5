import { useId, useState } from 'react';
import type { HostView, ImageSummary } from '@shared/contract';
import { Dialog } from '../../components/ui/Dialog';
import { StartError } from './registries/RegistryConsent';
import { TaskLive, TaskLiveFooter } from '../../components/tasks/TaskLive';
import { loginHint, useRegistryMatch } from '../../hooks/useRegistryMatch';
import { useTaskCall } from '../../hooks/useTaskCall';

/** Push one of the image's tags to its registry with the stored login, layer by layer. */
export function PushDialog({
  host,
  image,
  onClose,
}: {
  host: HostView;
  image: ImageSummary;
  onClose(): void;
}) {
  const [reference, setReference] = useState(image.repoTags[0] ?? '');
  const { taskId, busy, error, start } = useTaskCall('images.push');
  const match = useRegistryMatch(reference);
  const id = useId();

  if (taskId) {
    return (
      <Dialog
        title={`Pushing ${reference}`}
        onClose={onClose}
        size="large"
        footer={<TaskLiveFooter taskId={taskId} onClose={onClose} verb="push" />}
      >
        <p className="muted dialog-lead">
          From {host.name}. Closing this keeps the push running: follow it in Tasks.
        </p>
        <TaskLive taskId={taskId} />
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Push image"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy || !reference}
            onClick={() => void start({ hostId: host.id, reference })}
          >
            {busy && <span className="spinner" aria-hidden="true" />}
            Push
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor={`${id}-tag`} className="field-label">
          Tag to push
        </label>
        <select
          id={`${id}-tag`}
          className="input mono"
          value={reference}
          onChange={(e) => setReference(e.target.value)}
          aria-describedby={`${id}-hint`}
        >
          {image.repoTags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <p id={`${id}-hint`} className="field-hint">
          {loginHint(match) ?? 'The registry is the first part of the name (docker.io when there is none).'}{' '}
          To push elsewhere, add a tag with that registry first.
        </p>
      </div>
      {error && (
        <StartError
          error={error}
          title="Couldn't start the push"
          host={host}
          onRetry={() => void start({ hostId: host.id, reference })}
        />
      )}
    </Dialog>
  );
}
