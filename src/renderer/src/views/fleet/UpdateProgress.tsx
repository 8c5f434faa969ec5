import { useEffect } from 'react';
import type { TaskView, UpdatePlan, UpdateStarted } from '@shared/contract';
import { Dialog } from '../../components/ui/Dialog';
import { shortId } from '../../lib/format';
import { startTasksWatch, useTasksStore } from '../../stores/tasks';

/** One update task in words: running (its phase), updated, or rolled back and why. */
function outcome(task: TaskView | undefined): { text: string; tone: string } {
  if (!task) return { text: 'Starting…', tone: 'running' };
  if (task.state === 'running') return { text: task.phase || 'Updating…', tone: 'running' };
  if (task.state === 'succeeded') {
    const to = task.result?.imageId ? ` (now ${shortId(task.result.imageId)})` : '';
    return { text: `${task.result?.summary ?? 'Updated'}${to}`, tone: 'ok' };
  }
  if (task.state === 'cancelled') return { text: 'Cancelled', tone: 'warn' };
  const rolledBack = task.result?.rolledBack === true || task.error?.data?.rolledBack === true;
  const why = task.error?.message ?? 'The update failed';
  // Main's message already starts "Rolled back …" for a rollback; say it once.
  const text = rolledBack ? (/^rolled back/i.test(why) ? why : `Rolled back: ${why}`) : `Failed: ${why}`;
  return { text, tone: 'error' };
}

/** The update tasks started from the dialog, followed live; the tasks panel has their details. */
export function UpdateProgress({
  started,
  refused,
  hostName,
  onClose,
}: {
  started: UpdateStarted[];
  refused: UpdatePlan[];
  hostName(id: string): string;
  onClose(): void;
}) {
  const tasks = useTasksStore((s) => s.tasks);
  useEffect(() => startTasksWatch(), []);
  const running = started.filter((s) => tasks[s.taskId]?.state === 'running' || !tasks[s.taskId]).length;
  return (
    <Dialog
      title={running > 0 ? 'Updating…' : 'Update finished'}
      onClose={onClose}
      size="small"
      footer={
        <>
          <button
            type="button"
            className="button"
            onClick={() => {
              onClose();
              useTasksStore.getState().openPanel(started[0]?.taskId);
            }}
          >
            Show in tasks
          </button>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      <ul className="update-plan" aria-label="Update results">
        {started.map((s) => {
          const o = outcome(tasks[s.taskId]);
          return (
            <li key={s.taskId} className={`update-result tone-${o.tone}`} aria-label={`Update of ${s.name}`}>
              <span className="update-plan-name">
                <strong>{s.name}</strong> <span className="muted">on {hostName(s.hostId)}</span>
              </span>
              <span className="update-plan-verdict" role={o.tone === 'error' ? 'alert' : 'status'}>
                {o.tone === 'running' && <span className="spinner" aria-hidden="true" />} {o.text}
              </span>
            </li>
          );
        })}
        {refused.map((p) => (
          <li key={`${p.hostId}/${p.containerId}`} className="update-result tone-warn">
            <span className="update-plan-name">
              <strong>{p.name}</strong> <span className="muted">on {hostName(p.hostId)}</span>
            </span>
            <span className="update-plan-verdict">Not started: {p.reason ?? 'refused'}</span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
