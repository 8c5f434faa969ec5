import { useState, type ReactNode } from 'react';
import type { HostView, TaskView, TransferProblem } from '@shared/contract';
import { Dialog } from '../../components/ui/Dialog';
import { TargetHostField } from '../../components/TargetHostField';
import { TextField } from '../../components/ui/Field';
import { TaskLiveFooter } from '../../components/tasks/TaskLive';
import { formatBytes } from '../../lib/format';
import { TransferLive } from './TransferLive';

/** The dialog once a copy, backup, restore or transfer task runs: its progress, and Close keeps it going. */
export function TransferTaskDialog({
  title,
  taskId,
  task,
  verb,
  onClose,
  large = false,
  children,
}: {
  title: string;
  taskId: string;
  task: TaskView | undefined;
  verb: string;
  onClose(): void;
  large?: boolean;
  children?: ReactNode;
}) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      {...(large ? { size: 'large' as const } : {})}
      footer={<TaskLiveFooter taskId={taskId} onClose={onClose} verb={verb} />}
    >
      {children && <p className="muted dialog-lead">{children}</p>}
      <TransferLive taskId={taskId} task={task} />
    </Dialog>
  );
}

/** Cancel and the dialog's action; the action says why it is disabled in its tooltip. */
export function TransferActions({
  label,
  disabled,
  busy,
  reason,
  onStart,
  onClose,
}: {
  label: string;
  disabled: boolean;
  busy: boolean;
  reason: string | undefined;
  onStart(): void;
  onClose(): void;
}) {
  return (
    <>
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
      <button
        type="button"
        className="button button-primary"
        disabled={disabled || busy}
        title={reason}
        onClick={onStart}
      >
        {busy && <span className="spinner" aria-hidden="true" />}
        {label}
      </button>
    </>
  );
}

/**
 * The form of a copy, move or clone before it starts: the lead, the target host first, the
 * dialog's own fields and preflight, then its errors; Cancel and the action in the footer.
 */
export function TransferFormDialog({
  title,
  large = false,
  lead,
  target,
  action,
  onClose,
  errors,
  children,
}: {
  title: string;
  large?: boolean;
  lead: ReactNode;
  target: { id: string; hosts: HostView[]; value: string; onChange(hostId: string): void };
  action: { label: string; disabled: boolean; busy: boolean; reason: string | undefined; onStart(): void };
  onClose(): void;
  /** Under the form: why it cannot go ahead, and what failed. */
  errors: ReactNode;
  children: ReactNode;
}) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      {...(large ? { size: 'large' as const } : {})}
      footer={<TransferActions {...action} onClose={onClose} />}
    >
      <p className="dialog-lead">{lead}</p>
      <div className="mobility-form">
        <TargetHostField {...target} />
        {children}
      </div>
      {errors}
    </Dialog>
  );
}

/** The name a copy, move or clone gets on the target (the source's at first), checked as typed. */
export function useTargetName(
  initial: string,
  schema: { safeParse(value: string): { error?: { issues: Array<{ message: string }> } } },
) {
  const [name, setName] = useState(initial);
  return { name, setName, nameError: schema.safeParse(name).error?.issues[0]?.message };
}

/** The field of that name. */
export function TargetNameField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange(name: string): void;
  error: string | undefined;
}) {
  return (
    <TextField
      id={id}
      label="Name on the target"
      value={value}
      onChange={onChange}
      required
      mono
      error={error}
    />
  );
}

/** A labelled checkbox on one row. */
export function CheckboxRow({
  id,
  checked,
  onChange,
  children,
}: {
  id: string;
  checked: boolean;
  onChange(checked: boolean): void;
  children: ReactNode;
}) {
  return (
    <div className="checkbox-row">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{children}</label>
    </div>
  );
}

/** What a preflight found on the target, one line each; blocking ones in red. */
export function ProblemItems({ problems, targetName }: { problems: TransferProblem[]; targetName: string }) {
  return (
    <>
      {problems.map((p) => (
        <li
          key={`${p.field}:${p.message}`}
          className={p.blocking ? 'preflight-blocking' : 'preflight-warning'}
        >
          <span className="mono">{p.field}</span>: {p.message}
          {p.blocking ? ' (blocks)' : ''}
        </li>
      ))}
      {problems.length === 0 && <li>No clashes on {targetName}</li>}
    </>
  );
}

/** The preflight's section: a spinner while both hosts are checked, then the report. */
export function PreflightSection({
  title,
  loading,
  checking,
  children,
}: {
  title?: string;
  loading: boolean;
  checking: string;
  children: ReactNode;
}) {
  return (
    <section className="preflight" aria-label="Preflight" aria-busy={loading}>
      {title && <h3 className="preflight-title">{title}</h3>}
      {loading && (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> {checking}
        </p>
      )}
      {children}
    </section>
  );
}

/** The named volumes a move or clone copies, one line each. */
export function VolumeItems({
  volumes,
  targetName,
  none,
}: {
  volumes: Array<{ name: string; size: number | null; onTarget: boolean }>;
  targetName: string;
  none: string;
}) {
  if (volumes.length === 0) return <li>{none}</li>;
  return (
    <>
      {volumes.map((v) => (
        <li key={v.name}>
          Volume <strong className="mono">{v.name}</strong>:{' '}
          {v.onTarget
            ? `exists on ${targetName}`
            : `copied (${v.size === null ? 'size unknown' : formatBytes(v.size)})`}
        </li>
      ))}
    </>
  );
}
