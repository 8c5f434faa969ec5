import type { ReactNode } from 'react';
import type { AppErrorShape, TaskView, TransferProblem } from '@shared/contract';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import type { PreflightState } from '../../hooks/usePreflight';
import type { useTargetHost } from '../../hooks/useTargetHost';
import type { Verdict } from '../../lib/policy';
import { PreflightSection, TransferFormDialog, TransferTaskDialog } from './TransferParts';

interface MoveCloneDialogProps<R extends { problems: TransferProblem[] }> {
  mode: 'move' | 'clone';
  /** The container or project, in the running title. */
  what: string;
  title: string;
  /** For the form's element ids. */
  id: string;
  target: ReturnType<typeof useTargetHost>;
  pre: PreflightState<R>;
  transfer: { taskId?: string; task?: TaskView; busy: boolean; error?: AppErrorShape };
  /** The target's policy for the transfer. */
  verdict: Verdict;
  /** A field is invalid: nothing to start. */
  invalid?: boolean;
  onStart(): void;
  lead: ReactNode;
  /** While it runs: what happens, in order (the lead of the task dialog). */
  steps(targetName: string): ReactNode;
  /** The preflight's answer, one line per thing. */
  report(report: R, targetName: string): ReactNode;
  onClose(): void;
  /** The fields after the target host. */
  children: ReactNode;
}

/**
 * Move or clone (a container or a compose project) to another host: the form with its preflight
 * on the target, then the running task. A blocking clash or the target's policy stops it, and the
 * form says why.
 */
export function MoveCloneDialog<R extends { problems: TransferProblem[] }>(p: MoveCloneDialogProps<R>) {
  const { mode, target, pre, transfer } = p;
  const targetName = target.targetHost?.name ?? 'the target';
  const verb = mode === 'move' ? 'Move' : 'Clone';

  if (transfer.taskId) {
    return (
      <TransferTaskDialog
        title={`${mode === 'move' ? 'Moving' : 'Cloning'} ${p.what} to ${targetName}`}
        taskId={transfer.taskId}
        task={transfer.task}
        verb={mode}
        onClose={p.onClose}
        large
      >
        {p.steps(targetName)} Closing this keeps it running: follow it in Tasks.
      </TransferTaskDialog>
    );
  }

  const report = pre.result;
  const reason = !p.verdict.ok ? p.verdict.reason : report?.problems.find((x) => x.blocking)?.message;

  return (
    <TransferFormDialog
      title={p.title}
      large
      onClose={p.onClose}
      target={{ id: `${p.id}-target`, hosts: target.hosts, value: target.target, onChange: target.setTarget }}
      action={{
        label: verb,
        disabled: !report || !!reason || !!p.invalid,
        busy: transfer.busy,
        reason,
        onStart: p.onStart,
      }}
      lead={p.lead}
      errors={
        <>
          {reason && report && (
            <p className="field-error" role="note">
              {verb} is not possible: {reason}
            </p>
          )}
          {pre.error && <ErrorBanner error={pre.error} title="Couldn't check the target" />}
          {transfer.error && <ErrorBanner error={transfer.error} title={`Couldn't start the ${mode}`} />}
        </>
      }
    >
      {p.children}
      <PreflightSection title={`On ${targetName}`} loading={pre.loading} checking={`Checking ${targetName}…`}>
        {report && p.report(report, targetName)}
      </PreflightSection>
    </TransferFormDialog>
  );
}
