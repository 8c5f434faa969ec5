import type { ReactNode } from 'react';

/** The footer of the stack dialogs that start something: Cancel, and the primary action with its spinner. */
export function CancelApplyFooter(props: {
  onCancel(): void;
  onApply(): void;
  disabled: boolean;
  busy: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <button type="button" className="button" onClick={props.onCancel}>
        Cancel
      </button>
      <button
        type="button"
        className="button button-primary"
        disabled={props.disabled || props.busy}
        onClick={props.onApply}
      >
        {props.busy && <span className="spinner" aria-hidden="true" />}
        {props.children}
      </button>
    </>
  );
}
