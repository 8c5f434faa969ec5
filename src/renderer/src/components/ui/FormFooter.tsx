import type React from 'react';

interface FormFooterProps {
  /** The submit button's text ("Pull"). */
  label: string;
  onCancel(): void;
  busy?: boolean;
  disabled?: boolean;
  /** The form the button submits (by id); without it the button calls `onSubmit`. */
  form?: string;
  onSubmit?(): void;
  danger?: boolean;
  /** Shown before Cancel (e.g. the "Copy as" menu). */
  leading?: React.ReactNode;
}

/** A dialog's Cancel and submit buttons; the submit one spins while busy. */
export function FormFooter({
  label,
  onCancel,
  busy = false,
  disabled = false,
  form,
  onSubmit,
  danger,
  leading,
}: FormFooterProps) {
  return (
    <>
      {leading}
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button
        type={form ? 'submit' : 'button'}
        form={form}
        className={`button ${danger ? 'button-danger' : 'button-primary'}`}
        disabled={busy || disabled}
        onClick={form ? undefined : onSubmit}
      >
        {busy && <span className="spinner" aria-hidden="true" />}
        {label}
      </button>
    </>
  );
}
