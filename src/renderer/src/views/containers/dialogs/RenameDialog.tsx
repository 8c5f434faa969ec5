import { useId, useState } from 'react';
import { CONTAINER_NAME_PATTERN, CONTAINER_NAME_RULE, type AppErrorShape } from '@shared/contract';
import { Dialog } from '../../../components/ui/Dialog';
import { DialogActions } from '../../../components/ui/DialogActions';
import { ErrorBanner } from '../../../components/ui/ErrorBanner';

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
  const errId = useId();
  const trimmed = name.trim();
  const problem =
    trimmed === '' ? 'enter a name' : CONTAINER_NAME_PATTERN.test(trimmed) ? undefined : CONTAINER_NAME_RULE;
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
        <div className="field">
          <label htmlFor={id} className="field-label">
            New name
          </label>
          <input
            id={id}
            className="input mono"
            value={name}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={touched && problem ? true : undefined}
            aria-describedby={touched && problem ? errId : undefined}
            onChange={(e) => {
              setName(e.target.value);
              setTouched(true);
            }}
          />
          {touched && problem && (
            <span id={errId} className="field-error">
              {problem}
            </span>
          )}
        </div>
        {error && <ErrorBanner error={error} title="Couldn't rename" />}
      </form>
    </Dialog>
  );
}
