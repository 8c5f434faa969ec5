import type { ReactNode, Ref } from 'react';

export interface DialogActionsProps {
  onCancel(): void;
  cancelLabel?: string;
  /** For a dialog whose focus starts on Cancel (the safe choice). */
  cancelRef?: Ref<HTMLButtonElement>;
  submitLabel: ReactNode;
  /** The work runs: the submit button is off and says so (busyLabel, else a spinner). */
  busy?: boolean;
  busyLabel?: string;
  /** Nothing to submit yet (an invalid or unchanged form). */
  disabled?: boolean;
  /** Red submit button for destructive work. */
  danger?: boolean;
  /** The id of the <form> the submit button submits (Enter works too); else onSubmit on click. */
  form?: string;
  onSubmit?(): void;
  /** The work is done: one button that closes, in place of Cancel and submit. */
  done?: boolean;
  doneLabel?: string;
  /** Shown before Cancel (e.g. the "Copy as" menu). */
  leading?: ReactNode;
}

/** A dialog's footer: Cancel and the one thing the dialog does, or a single button once it is done. */
export function DialogActions({
  onCancel,
  cancelLabel = 'Cancel',
  cancelRef,
  submitLabel,
  busy = false,
  busyLabel,
  disabled,
  danger,
  form,
  onSubmit,
  done,
  doneLabel = 'Done',
  leading,
}: DialogActionsProps) {
  if (done) {
    return (
      <button type="button" className="button button-primary" onClick={onCancel}>
        {doneLabel}
      </button>
    );
  }
  return (
    <>
      {leading}
      <button ref={cancelRef} type="button" className="button" onClick={onCancel}>
        {cancelLabel}
      </button>
      <button
        type={form ? 'submit' : 'button'}
        form={form}
        className={`button ${danger ? 'button-danger' : 'button-primary'}`}
        disabled={busy || disabled}
        aria-busy={busy || undefined}
        onClick={form ? undefined : onSubmit}
      >
        {busy && busyLabel ? (
          busyLabel
        ) : (
          <>
            {busy && <span className="spinner" aria-hidden="true" />}
            {submitLabel}
          </>
        )}
      </button>
    </>
  );
}
