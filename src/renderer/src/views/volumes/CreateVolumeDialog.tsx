import { useId, useState } from 'react';
import { FormDialog } from '../../components/ui/FormDialog';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { useMutation } from '../../hooks/useMutation';
import { TextField } from '../../components/ui/Field';
import { KeyValueEditor, keyValuesOf, type KeyValueRow } from '../../components/ui/KeyValueEditor';
import { CopyAsMenu } from '../../components/api/CopyAsMenu';
import { volumeFormCopy } from '@shared/apilog/form-copy';

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
const DRIVER = /^[a-zA-Z0-9][a-zA-Z0-9_./:-]{0,127}$/;

export interface CreateVolumeDialogProps {
  hostId: string;
  hostName: string;
  onClose(): void;
  /** The volumes to refetch once it is created (the dialog toasts and closes). */
  refetch(): void;
}

/** Name (or a random one), driver, driver options and labels. */
export function CreateVolumeDialog({ hostId, hostName, onClose, refetch }: CreateVolumeDialogProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [driver, setDriver] = useState('local');
  const [options, setOptions] = useState<KeyValueRow[]>([]);
  const [labels, setLabels] = useState<KeyValueRow[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const create = useMutation('volumes.create', {
    holdBusyOnSuccess: true,
    toast: (v) => `Created volume ${v.name}.`,
    refetch,
  });
  const { busy, error } = create;

  const nameError =
    name.trim() && !NAME.test(name.trim())
      ? 'Use at least two of letters, digits, "-", "_" and ".", starting with a letter or digit.'
      : undefined;
  const driverError = !DRIVER.test(driver.trim()) ? 'Enter a driver name, e.g. local.' : undefined;
  const opts = keyValuesOf(options);
  const labs = keyValuesOf(labels);
  const invalid =
    Boolean(nameError || driverError) ||
    Object.keys(opts.errors).length > 0 ||
    Object.keys(labs.errors).length > 0;

  const submit = async () => {
    setSubmitted(true);
    if (invalid || busy) return;
    const out = await create.run({
      hostId,
      ...(name.trim() ? { name: name.trim() } : {}),
      driver: driver.trim(),
      options: opts.record,
      labels: labs.record,
    });
    if (out.ok) onClose();
  };

  return (
    <FormDialog
      title={`Create volume on ${hostName}`}
      onClose={onClose}
      formId={`${id}-form`}
      formClassName="host-form"
      actions={{
        submitLabel: 'Create',
        busy,
        leading: (
          <CopyAsMenu
            hostId={hostId}
            build={() =>
              invalid
                ? undefined
                : volumeFormCopy({
                    name: name.trim(),
                    driver: driver.trim(),
                    options: opts.record,
                    labels: labs.record,
                  })
            }
          />
        ),
      }}
      onSubmit={() => void submit()}
      after={error && <ErrorBanner error={error} title="Couldn't create the volume" />}
    >
      <TextField
        id={`${id}-name`}
        label="Name"
        value={name}
        onChange={setName}
        placeholder="app-data"
        hint="Leave empty for a random name."
        error={nameError}
      />
      <TextField
        id={`${id}-driver`}
        label="Driver"
        value={driver}
        onChange={setDriver}
        required
        error={submitted ? driverError : undefined}
        hint="local stores data on this host; plugins (e.g. NFS drivers) must be installed on the engine."
        mono
      />
      <KeyValueEditor
        legend="Driver options"
        noun="option"
        rows={options}
        errors={submitted ? opts.errors : {}}
        onChange={setOptions}
        keyPlaceholder="type"
        valuePlaceholder="tmpfs"
      />
      <KeyValueEditor
        legend="Labels"
        noun="label"
        rows={labels}
        errors={submitted ? labs.errors : {}}
        onChange={setLabels}
        keyPlaceholder="com.example.team"
      />
    </FormDialog>
  );
}
