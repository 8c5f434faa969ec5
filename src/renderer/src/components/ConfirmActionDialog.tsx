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
    danger?: boolean;
    input?(target: T, options: O): CallInputOf<M>;
  };
  target: T;
  options: O;
  title: string;
  /** The toast after success ("Removed network x."). */
  done: string;
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
  const m = useResourceAction(p.action, { toast: () => p.done, refetch: p.refetch });
  return (
    <ConfirmDialog
      title={p.title}
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
