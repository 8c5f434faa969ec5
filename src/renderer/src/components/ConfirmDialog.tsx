import { useRef, type ReactNode } from 'react';
import type { AppErrorShape } from '@shared/contract';
import { Dialog } from './Dialog';
import { ErrorBanner } from './ErrorBanner';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Red confirm button for destructive actions. */
  danger?: boolean;
  busy?: boolean;
  busyLabel?: string;
  error?: AppErrorShape | undefined;
  onConfirm(): void;
  onCancel(): void;
}

/** Yes/no question in a dialog. Focus starts on Cancel, the safe choice. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger,
  busy,
  busyLabel,
  error,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      size="small"
      dismissOnBackdrop={!busy}
      initialFocus={cancelRef}
      footer={
        <>
          <button ref={cancelRef} type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className={danger ? 'button button-danger' : 'button button-primary'}
            onClick={onConfirm}
            disabled={busy}
            aria-busy={busy || undefined}
          >
            {busy && <span className="spinner" aria-hidden="true" />}
            {confirmLabel}
          </button>
          {busy && busyLabel && (
            <span className="visually-hidden" role="status">
              {busyLabel}
            </span>
          )}
        </>
      }
    >
      <div className="confirm-body">{children}</div>
      {error && <ErrorBanner error={error} />}
    </Dialog>
  );
}
