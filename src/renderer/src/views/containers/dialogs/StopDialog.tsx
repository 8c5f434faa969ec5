import { useId, useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';

export interface StopDialogProps {
  name: string;
  onConfirm(timeoutSec: number): void;
  onCancel(): void;
}

/** Stop with a chosen grace period: SIGTERM, then SIGKILL after that many seconds. */
export function StopDialog({ name, onConfirm, onCancel }: StopDialogProps) {
  const [seconds, setSeconds] = useState('10');
  const id = useId();
  const errId = useId();
  const n = /^\d{1,3}$/.test(seconds.trim()) ? Number(seconds.trim()) : NaN;
  const valid = Number.isInteger(n) && n >= 0 && n <= 600;
  return (
    <ConfirmDialog
      title={`Stop ${name}?`}
      confirmLabel="Stop"
      onConfirm={() => valid && onConfirm(n)}
      onCancel={onCancel}
    >
      <p>The container gets SIGTERM, and SIGKILL if it has not stopped when the time is up.</p>
      <div className="field">
        <label htmlFor={id} className="field-label">
          Seconds before SIGKILL
        </label>
        <input
          id={id}
          className="input port-field"
          inputMode="numeric"
          value={seconds}
          aria-invalid={!valid || undefined}
          aria-describedby={valid ? undefined : errId}
          onChange={(e) => setSeconds(e.target.value)}
        />
        {!valid && (
          <span id={errId} className="field-error">
            a whole number of seconds from 0 to 600
          </span>
        )}
      </div>
    </ConfirmDialog>
  );
}
