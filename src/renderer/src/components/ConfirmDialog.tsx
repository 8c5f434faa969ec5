import { useContext, useId, useRef, useState, type ReactNode } from 'react';
import type { AppErrorShape } from '@shared/contract';
import { Dialog } from './ui/Dialog';
import { DialogActions } from './ui/DialogActions';
import { ErrorBanner } from './ui/ErrorBanner';
import { MonoInput } from './ui/MonoInput';
import { selectSelectedHost, useHostsStore } from '../stores/hosts';
import { useSettingsStore } from '../stores/settings';
import { ConfirmHostContext } from './confirm-host';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Red confirm button for destructive actions. */
  danger?: boolean;
  busy?: boolean;
  busyLabel?: string;
  /** The confirm button is off (nothing to do yet) without showing a spinner. */
  disabled?: boolean;
  error?: AppErrorShape | undefined;
  onConfirm(): void;
  onCancel(): void;
  /**
   * On a production host a destructive action must be confirmed by typing this (the object's
   * name); defaults to the host's name.
   */
  confirmText?: string;
}

/** Yes/no question in a dialog. Focus starts on Cancel, the safe choice. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger,
  busy,
  busyLabel,
  disabled,
  error,
  onConfirm,
  onCancel,
  confirmText,
}: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const aboutHostId = useContext(ConfirmHostContext);
  const host = useHostsStore((s) =>
    aboutHostId ? s.hosts.find((h) => h.id === aboutHostId) : selectSelectedHost(s),
  );
  const [typed, setTyped] = useState('');
  const typedId = useId();
  const typeAlways = useSettingsStore((s) => s.settings.typedConfirmation === 'always');
  const mustType = danger && host && (host.production || typeAlways) ? (confirmText ?? host.name) : undefined;
  const typedOk = mustType === undefined || typed.trim() === mustType;
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      size="small"
      dismissOnBackdrop={!busy}
      initialFocus={cancelRef}
      footer={
        <>
          <DialogActions
            cancelRef={cancelRef}
            onCancel={onCancel}
            submitLabel={confirmLabel}
            danger={danger}
            busy={busy}
            disabled={disabled || !typedOk}
            onSubmit={onConfirm}
          />
          {busy && busyLabel && (
            <span className="visually-hidden" role="status">
              {busyLabel}
            </span>
          )}
        </>
      }
    >
      <div className="confirm-body">{children}</div>
      {mustType !== undefined && (
        <div className="field production-confirm">
          <p className="production-warning">
            <strong>{host?.name} is a production host.</strong> Type <code>{mustType}</code> to confirm.
          </p>
          <label htmlFor={typedId} className="field-label">
            Type {mustType} to confirm
          </label>
          <MonoInput id={typedId} value={typed} onValue={setTyped} />
        </div>
      )}
      {error && <ErrorBanner error={error} />}
    </Dialog>
  );
}
