import type { ReactNode } from 'react';
import { Dialog, type DialogProps } from './Dialog';
import { DialogActions, type DialogActionsProps } from './DialogActions';

interface FormDialogProps extends Omit<DialogProps, 'footer' | 'children'> {
  /** The form's element id; the footer's submit button submits it, and Enter does too. */
  formId: string;
  /** The footer: Cancel closes the dialog; the submit button submits the form. */
  actions: Omit<DialogActionsProps, 'onCancel' | 'form' | 'onSubmit'>;
  /** Runs on submit (the browser's own validation and page load are off). */
  onSubmit(): void;
  formClassName?: string;
  /** Before the form (a lead paragraph). */
  lead?: ReactNode;
  /** The fields. */
  children: ReactNode;
  /** After the form: what failed. */
  after?: ReactNode;
}

/** A dialog that is one form: its fields, Cancel and the submit button in the footer, then its error. */
export function FormDialog({
  formId,
  actions,
  onSubmit,
  formClassName,
  lead,
  children,
  after,
  ...dialog
}: FormDialogProps) {
  return (
    <Dialog {...dialog} footer={<DialogActions {...actions} onCancel={dialog.onClose} form={formId} />}>
      {lead}
      <form
        id={formId}
        className={formClassName}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
      </form>
      {after}
    </Dialog>
  );
}
