import { memo } from 'react';
import type { TaskView } from '@shared/contract';
import { useHostsStore } from '../../stores/hosts';
import { useTasksStore } from '../../stores/tasks';
import { TaskOutcome } from '../../components/tasks/TaskOutcome';
import { TaskOutput } from '../../components/tasks/TaskOutput';
import { LayerList, TaskProgress } from '../../components/tasks/TaskProgress';
import { elapsed, KIND_LABELS, STATE_LABELS } from '../../lib/task-text';
import { useHostName } from '../../hooks/useHostName';
import { hostNameOf } from '../../lib/host-name';

export interface TaskCardProps {
  task: TaskView;
  expanded: boolean;
  now: number;
}

/** One task in the panel: what, where, how far; Cancel while it runs; its output on demand. */
export const TaskCard = memo(function TaskCard({ task, expanded, now }: TaskCardProps) {
  const hostName = useHostName(task.hostId, 'a removed host');
  const targetName = useHostsStore((s) =>
    task.targetHostId ? hostNameOf(s.hosts, task.targetHostId, 'a removed host') : undefined,
  );
  const { cancel, clear, toggleExpanded: toggle } = useTasksStore.getState();
  const running = task.state === 'running';

  return (
    <li className={`task-card task-${task.state}`} aria-label={task.title}>
      <div className="task-head">
        <span className={`task-kind task-kind-${task.kind}`}>{KIND_LABELS[task.kind]}</span>
        <span className="task-title" title={task.title}>
          {task.title.replace(/^\w+ /, '')}
        </span>
        <span className={`task-state task-state-${task.state}`}>{STATE_LABELS[task.state]}</span>
      </div>
      <div className="task-meta">
        <span>{targetName ? `${hostName} → ${targetName}` : `on ${hostName}`}</span>
        <span aria-hidden="true">·</span>
        <span>{elapsed(task, now)}</span>
      </div>
      {running && <TaskProgress task={task} showLayers={expanded} />}
      {!running && expanded && <LayerList layers={task.layers} />}
      <TaskOutcome task={task} />
      <div className="task-actions">
        {running && (
          <button
            type="button"
            className="button button-small"
            aria-label={`Cancel ${task.title}`}
            onClick={() => void cancel(task.id)}
          >
            Cancel
          </button>
        )}
        <button
          type="button"
          className="button button-small"
          aria-expanded={expanded}
          aria-label={`${expanded ? 'Hide' : 'Show'} details of ${task.title}`}
          onClick={() => toggle(task.id)}
        >
          {expanded ? 'Hide output' : task.layers.length ? 'Layers and output' : 'Output'}
        </button>
        {!running && (
          <button
            type="button"
            className="button button-small task-dismiss"
            aria-label={`Dismiss ${task.title}`}
            onClick={() => void clear(task.id)}
          >
            Dismiss
          </button>
        )}
      </div>
      {expanded && <TaskOutput taskId={task.id} label={`Output of ${task.title}`} />}
    </li>
  );
});
