import type { ReactNode } from 'react';
import type { CallInputOf, CallName } from '../lib/method-types';
import { useResourceAction } from '../hooks/useResourceAction';
import { ConfirmDialog } from './ConfirmDialog';

interface ConfirmActionDialogProps<M extends CallName, T, O> {
  /** The descriptor (actions/*-actions.ts): its label, busy words, danger, method and input. */
  action: {
    method: M;
    label: string;
    busy: string;
    done: string;
    danger?: boolean;
    input?(target: T, options: O): CallInputOf<M>;
  };
  target: T;
  options: O;
  /** What it acts on ("network x"): the title asks "Remove network x?", the toast says "Removed network x.". */
  subject: string;
  /** What to refetch after success. */
  refetch(): void;
  onClose(): void;
  children: ReactNode;
}

/**
 * Asks before an action and runs it: busy on the confirm button, the error inside the dialog
 * (it stays open to retry), the toast and the refetch, then closes.
 */
export function ConfirmActionDialog<M extends CallName, T, O>(p: ConfirmActionDialogProps<M, T, O>) {
  const done = `${p.action.done.charAt(0).toUpperCase()}${p.action.done.slice(1)} ${p.subject}.`;
  const m = useResourceAction(p.action, { toast: () => done, refetch: p.refetch });
  return (
    <ConfirmDialog
      title={`${p.action.label} ${p.subject}?`}
      confirmLabel={p.action.label}
      danger={p.action.danger ?? false}
      busy={m.busy}
      busyLabel={p.action.busy}
      error={m.error}
      onCancel={p.onClose}
      onConfirm={() => void m.run(p.target, p.options).then((r) => r.ok && p.onClose())}
    >
      {p.children}
    </ConfirmDialog>
  );
}
