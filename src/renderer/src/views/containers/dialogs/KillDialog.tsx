import { useState } from 'react';
import type { AppErrorShape, ContainerSignal } from '@shared/contract';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { SignalSelect } from './SignalSelect';

export interface KillDialogProps {
  /** One container's name, or "3 containers". */
  what: string;
  busy?: boolean;
  error?: AppErrorShape | undefined;
  onConfirm(signal: ContainerSignal): void;
  onCancel(): void;
}

/** "Kill …?" with the signal to send (SIGKILL unless changed). */
export function KillDialog({ what, busy, error, onConfirm, onCancel }: KillDialogProps) {
  const [signal, setSignal] = useState<ContainerSignal>('SIGKILL');
  return (
    <ConfirmDialog
      title={`Kill ${what}?`}
      confirmLabel={`Send ${signal}`}
      danger={signal === 'SIGKILL'}
      busy={busy ?? false}
      error={error}
      onConfirm={() => onConfirm(signal)}
      onCancel={onCancel}
    >
      <p>
        Sends a signal to the main process of <strong className="mono">{what}</strong>. Unlike Stop, there is
        no grace period.
      </p>
      <SignalSelect value={signal} onChange={setSignal} />
    </ConfirmDialog>
  );
}
