import { useId, useState, type FormEvent } from 'react';
import { parseImageReference, type HostView, type ImageSummary } from '@shared/contract';
import { Dialog } from '../../components/ui/Dialog';
import { DialogActions } from '../../components/ui/DialogActions';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { useMutation } from '../../hooks/useMutation';
import { useImagesStore } from '../../stores/images';
import { TextField } from '../../components/ui/Field';
import { imageLabel } from './filter';

/** Adds a name to an image, e.g. the registry-qualified one it will be pushed under. */
export function TagDialog({
  host,
  image,
  onClose,
}: {
  host: HostView;
  image: ImageSummary;
  onClose(): void;
}) {
  const base = image.repoTags[0]?.replace(/:[^:/]+$/, '') ?? '';
  const [target, setTarget] = useState(base ? `${base}:` : '');
  const [touched, setTouched] = useState(false);
  const fetch = useImagesStore((s) => s.fetch);
  const { run, busy, error } = useMutation('images.tag', {
    refetch: () => void fetch(host.id),
    holdBusyOnSuccess: true,
  });
  const id = useId();
  const formId = `${id}-form`;
  const parsed = parseImageReference(target);
  const fieldError = !parsed.ok
    ? parsed.reason
    : parsed.ref.digest
      ? 'a tag cannot have a digest'
      : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (fieldError) return;
    const r = await run({ hostId: host.id, id: image.id, target: target.trim() });
    if (r.ok) onClose();
  };

  return (
    <Dialog
      title="Tag image"
      onClose={onClose}
      footer={<DialogActions submitLabel="Add tag" onCancel={onClose} form={formId} busy={busy} />}
    >
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
        <p className="dialog-lead">
          New name for <strong className="mono">{imageLabel(image)}</strong>:
        </p>
        <TextField
          id={`${id}-target`}
          label="New tag"
          value={target}
          onChange={setTarget}
          placeholder="127.0.0.1:5000/team/app:1.0"
          required
          mono
          error={touched ? fieldError : undefined}
          hint="registry/name:tag. To push to a registry, its address must be the first part of the name."
        />
      </form>
      {error && <ErrorBanner error={error} title="Couldn't tag the image" />}
    </Dialog>
  );
}
