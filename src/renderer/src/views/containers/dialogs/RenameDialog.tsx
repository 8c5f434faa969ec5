import { useId, useState } from 'react';
import { CONTAINER_NAME_PATTERN, CONTAINER_NAME_RULE, type AppErrorShape } from '@shared/contract';
import { Dialog } from '../../../components/ui/Dialog';
import { DialogActions } from '../../../components/ui/DialogActions';
import { ErrorBanner } from '../../../components/ui/ErrorBanner';
import { describedBy, FieldError } from '../../../components/ui/Field';
import { LabeledField } from '../../../components/ui/LabeledField';

export interface RenameDialogProps {
  current: string;
  busy: boolean;
  error: AppErrorShape | undefined;
  onConfirm(name: string): void;
  onCancel(): void;
}

/** "Rename container" with Docker's name rule checked as you type. */
export function RenameDialog({ current, busy, error, onConfirm, onCancel }: RenameDialogProps) {
  const [name, setName] = useState(current);
  const [touched, setTouched] = useState(false);
  const id = useId();
  const trimmed = name.trim();
  const problem =
    trimmed === '' ? 'enter a name' : CONTAINER_NAME_PATTERN.test(trimmed) ? undefined : CONTAINER_NAME_RULE;
  const shown = touched ? problem : undefined;
  const submit = () => {
    setTouched(true);
    if (!problem && trimmed !== current) onConfirm(trimmed);
  };
  return (
    <Dialog
      title="Rename container"
      onClose={onCancel}
      size="small"
      footer={
        <DialogActions
          onCancel={onCancel}
          submitLabel="Rename"
          busy={busy}
          disabled={trimmed === current}
          form={`${id}-form`}
        />
      }
    >
      <form
        id={`${id}-form`}
        className="host-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <LabeledField id={id} label="New name">
          <input
            id={id}
            className="input mono"
            value={name}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={shown ? true : undefined}
            aria-describedby={describedBy(id, false, Boolean(shown))}
            onChange={(e) => {
              setName(e.target.value);
              setTouched(true);
            }}
          />
          <FieldError id={id} error={shown} />
        </LabeledField>
        {error && <ErrorBanner error={error} title="Couldn't rename" />}
      </form>
    </Dialog>
  );
}
