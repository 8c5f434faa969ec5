import { parseImageReference } from '@shared/contract';
import { FormDialog } from '../../components/ui/FormDialog';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { useFormFields } from '../../hooks/useFormFields';
import { useMutation } from '../../hooks/useMutation';
import { useImagesStore } from '../../stores/images';
import { TextField } from '../../components/ui/Field';
import { imageLabel } from './filter';
import type { ImageDialogProps } from './image-dialog';

function tagProblem(target: string): string | undefined {
  const parsed = parseImageReference(target);
  return !parsed.ok ? parsed.reason : parsed.ref.digest ? 'a tag cannot have a digest' : undefined;
}

/** Adds a name to an image, e.g. the registry-qualified one it will be pushed under. */
export function TagDialog({ host, image, onClose }: ImageDialogProps) {
  const base = image.repoTags[0]?.replace(/:[^:/]+$/, '') ?? '';
  const fetch = useImagesStore((s) => s.fetch);
  const { run, busy, error } = useMutation('images.tag', {
    refetch: () => void fetch(host.id),
    holdBusyOnSuccess: true,
  });
  const { formId, values, field, submit } = useFormFields(
    { target: base ? `${base}:` : '' },
    (v) => ({ target: tagProblem(v.target) }),
    { target: { required: true, mono: true } },
  );
  const send = () => {
    void run({ hostId: host.id, id: image.id, target: values.target.trim() }).then((r) => r.ok && onClose());
  };

  return (
    <FormDialog
      title="Tag image"
      onClose={onClose}
      formId={formId}
      actions={{ submitLabel: 'Add tag', busy }}
      onSubmit={() => submit(send)}
      after={error && <ErrorBanner error={error} title="Couldn't tag the image" />}
    >
      <p className="dialog-lead">
        New name for <strong className="mono">{imageLabel(image)}</strong>:
      </p>
      <TextField
        {...field('target')}
        label="New tag"
        placeholder="127.0.0.1:5000/team/app:1.0"
        hint="registry/name:tag. To push to a registry, its address must be the first part of the name."
      />
    </FormDialog>
  );
}
