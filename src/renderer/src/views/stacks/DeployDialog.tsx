import { useEffect, useState } from 'react';
import type { StackPullPolicy } from '@shared/contract';
import { Dialog } from '../../components/ui/Dialog';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { TaskLive, TaskLiveFooter } from '../../components/tasks/TaskLive';
import { useMutation } from '../../hooks/useMutation';
import { useNetworksStore } from '../../stores/networks';
import { useStacksStore } from '../../stores/stacks';
import { CancelApplyFooter } from './CancelApplyFooter';
import { showPath } from './diagnostic-text';
import { PlanView } from './PlanView';

export interface DeployFiles {
  composeYaml: string;
  envText: string;
}

export interface DeployDialogProps {
  hostId: string;
  hostName: string;
  project: string;
  /** The editor's files; undefined deploys the stored ones. */
  files?: DeployFiles | undefined;
  onClose(): void;
  /** The up task started (the editor then knows the file is saved). */
  onStarted?(): void;
  /** How it is deployed now (a swarm stack updates as one). */
  initialTarget?: 'compose' | 'swarm';
}

/** Plan first, then apply as a task followed here, with cancel. */
export function DeployDialog({
  hostId,
  hostName,
  project,
  files,
  onClose,
  onStarted,
  initialTarget = 'compose',
}: DeployDialogProps) {
  const [pull, setPull] = useState<StackPullPolicy>('missing');
  const [removeOrphans, setRemoveOrphans] = useState(false);
  const [target, setTarget] = useState<'compose' | 'swarm'>(initialTarget);
  // The networks store already asks the engine whether it is a swarm manager (for overlay networks).
  const manager = useNetworksStore((s) => s.byHost[hostId]?.capabilities?.swarmManager ?? false);
  const knowsManager = useNetworksStore((s) => s.byHost[hostId]?.fetchedAt !== undefined);
  useEffect(() => {
    if (!knowsManager) void useNetworksStore.getState().fetch(hostId);
  }, [knowsManager, hostId]);
  const planCall = useMutation('stacks.plan');
  const upCall = useMutation('stacks.up', { refetch: () => useStacksStore.getState().fetch(hostId) });
  const [plan, setPlan] = useState<Awaited<ReturnType<typeof planCall.run>>>();
  const [taskId, setTaskId] = useState<string>();
  const runPlan = planCall.run;

  useEffect(() => {
    setPlan(undefined);
    void runPlan({ hostId, project, ...files, pull, removeOrphans, target }).then(setPlan);
  }, [runPlan, hostId, project, files, pull, removeOrphans, target]);

  const result = plan?.ok ? plan.value : undefined;
  const errors = result?.load.diagnostics.filter((d) => d.severity === 'error') ?? [];
  const canApply = !!result?.plan && result.plan.blockers.length === 0 && !planCall.busy;

  const apply = async () => {
    const out = await upCall.run({ hostId, project, ...files, pull, removeOrphans, target });
    if (out.ok) {
      setTaskId(out.value.taskId);
      onStarted?.();
    }
  };

  return (
    <Dialog
      title={taskId ? `Deploying ${project} on ${hostName}` : `Plan for ${project} on ${hostName}`}
      onClose={onClose}
      size="large"
      footer={
        taskId ? (
          <TaskLiveFooter taskId={taskId} onClose={onClose} verb="deploy" />
        ) : (
          <CancelApplyFooter
            onCancel={onClose}
            onApply={() => void apply()}
            disabled={!canApply}
            busy={upCall.busy}
          >
            {result?.plan?.noop ? 'Apply anyway' : 'Apply'}
          </CancelApplyFooter>
        )
      }
    >
      {taskId ? (
        <TaskLive taskId={taskId} output />
      ) : (
        <>
          <div className="stack-plan-options" role="group" aria-label="Deploy options">
            <label className="field-inline">
              Pull images{' '}
              <select
                className="input"
                value={pull}
                onChange={(e) => setPull(e.target.value as StackPullPolicy)}
              >
                <option value="missing">when missing</option>
                <option value="always">always</option>
                <option value="never">never</option>
              </select>
            </label>
            {manager && (
              <label className="field-inline">
                Deploy as{' '}
                <select
                  className="input"
                  value={target}
                  onChange={(e) => setTarget(e.target.value as 'compose' | 'swarm')}
                >
                  <option value="compose">containers on this host</option>
                  <option value="swarm">a swarm stack</option>
                </select>
              </label>
            )}
            <label className="field-inline">
              <input
                type="checkbox"
                checked={removeOrphans}
                onChange={(e) => setRemoveOrphans(e.target.checked)}
              />{' '}
              Remove orphans
            </label>
          </div>
          {planCall.busy && (
            <div className="empty-state" role="status">
              <span className="spinner" aria-hidden="true" /> Computing the plan…
            </div>
          )}
          {planCall.error && <ErrorBanner error={planCall.error} title="Couldn't plan" />}
          {upCall.error && <ErrorBanner error={upCall.error} title="Couldn't start the deploy" />}
          {errors.length > 0 && (
            <div className="stack-blockers" role="alert">
              <strong>The file has errors:</strong>
              <ul>
                {errors.map((d, i) => (
                  <li key={i}>
                    {d.at && `Line ${d.at.line}: `}
                    {showPath(d) && <code>{d.path}</code>} {d.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {result?.plan && !planCall.busy && <PlanView plan={result.plan} />}
        </>
      )}
    </Dialog>
  );
}
