import { FormDialog } from '../../components/ui/FormDialog';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { useFormFields } from '../../hooks/useFormFields';
import { useMutation } from '../../hooks/useMutation';
import { TextField } from '../../components/ui/Field';
import { KeyValueEditor, keyValuesOf, type KeyValueRow } from '../../components/ui/KeyValueEditor';
import { CopyAsMenu } from '../../components/api/CopyAsMenu';
import { volumeFormCopy } from '@shared/apilog/form-copy';

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
const DRIVER = /^[a-zA-Z0-9][a-zA-Z0-9_./:-]{0,127}$/;
const NO_ROWS: KeyValueRow[] = [];

export interface CreateVolumeDialogProps {
  hostId: string;
  hostName: string;
  onClose(): void;
  /** The volumes to refetch once it is created (the dialog toasts and closes). */
  refetch(): void;
}

/** Name (or a random one), driver, driver options and labels. */
export function CreateVolumeDialog({ hostId, hostName, onClose, refetch }: CreateVolumeDialogProps) {
  const create = useMutation('volumes.create', {
    holdBusyOnSuccess: true,
    toast: (v) => `Created volume ${v.name}.`,
    refetch,
  });
  const { busy, error } = create;
  const { formId, values, invalid, field, rows, submit } = useFormFields(
    { name: '', driver: 'local', options: NO_ROWS, labels: NO_ROWS },
    (v) => ({
      name:
        v.name.trim() && !NAME.test(v.name.trim())
          ? 'Use at least two of letters, digits, "-", "_" and ".", starting with a letter or digit.'
          : undefined,
      driver: DRIVER.test(v.driver.trim()) ? undefined : 'Enter a driver name, e.g. local.',
      options: keyValuesOf(v.options).errors,
      labels: keyValuesOf(v.labels).errors,
    }),
    { name: { show: 'typing' }, driver: { required: true, mono: true } },
  );
  const input = {
    name: values.name.trim(),
    driver: values.driver.trim(),
    options: keyValuesOf(values.options).record,
    labels: keyValuesOf(values.labels).record,
  };

  const send = async () => {
    if (busy) return;
    const { name, ...rest } = input;
    const out = await create.run({ hostId, ...(name ? { name } : {}), ...rest });
    if (out.ok) onClose();
  };

  return (
    <FormDialog
      title={`Create volume on ${hostName}`}
      onClose={onClose}
      formId={formId}
      formClassName="host-form"
      actions={{
        submitLabel: 'Create',
        busy,
        leading: <CopyAsMenu hostId={hostId} build={() => (invalid ? undefined : volumeFormCopy(input))} />,
      }}
      onSubmit={() => submit(() => void send())}
      after={error && <ErrorBanner error={error} title="Couldn't create the volume" />}
    >
      <TextField
        {...field('name')}
        label="Name"
        placeholder="app-data"
        hint="Leave empty for a random name."
      />
      <TextField
        {...field('driver')}
        label="Driver"
        hint="local stores data on this host; plugins (e.g. NFS drivers) must be installed on the engine."
      />
      <KeyValueEditor
        legend="Driver options"
        noun="option"
        {...rows('options')}
        keyPlaceholder="type"
        valuePlaceholder="tmpfs"
      />
      <KeyValueEditor legend="Labels" noun="label" {...rows('labels')} keyPlaceholder="com.example.team" />
    </FormDialog>
  );
}
