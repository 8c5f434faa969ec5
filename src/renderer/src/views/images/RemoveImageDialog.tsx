import { useId, useState } from 'react';
import type { HostView, ImageSummary } from '@shared/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { imageLabel } from './filter';

export interface RemoveImageDialogProps {
  host: HostView;
  image: ImageSummary;
  onConfirm(force: boolean): void;
  onCancel(): void;
}

/** "Remove image?" with what it takes along; Force when containers use it or it has several tags. */
export function RemoveImageDialog({ host, image, onConfirm, onCancel }: RemoveImageDialogProps) {
  const [force, setForce] = useState(false);
  const id = useId();
  const needsForce = image.containers > 0 || image.repoTags.length > 1;
  return (
    <ConfirmDialog
      title="Remove image?"
      confirmLabel={force ? 'Force remove' : 'Remove'}
      danger
      onConfirm={() => onConfirm(needsForce && force)}
      onCancel={onCancel}
    >
      <p>
        Remove <strong className="mono">{imageLabel(image)}</strong> from <strong>{host.name}</strong>?
        {image.repoTags.length > 1 && ` All its ${image.repoTags.length} tags go with it.`}
      </p>
      {image.containers > 0 && (
        <p className="hint">
          {image.containers} container{image.containers === 1 ? ' uses' : 's use'} this image. Docker refuses
          unless forced, and even then not while one of them runs.
        </p>
      )}
      {needsForce && (
        <div className="checkbox-row">
          <input id={id} type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
          <label htmlFor={id}>Force</label>
        </div>
      )}
    </ConfirmDialog>
  );
}
