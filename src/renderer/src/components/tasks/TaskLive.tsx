import { useTasksStore } from '../../stores/tasks';
import { TaskOutcome } from './TaskOutcome';
import { TaskOutput } from './TaskOutput';
import { LayerList, TaskProgress } from './TaskProgress';

export interface TaskLiveProps {
  taskId: string;
  /** Show the output log (builds); pulls and pushes show their layers instead. */
  output?: boolean;
}

/** A started task followed inside the dialog that started it. */
export function TaskLive({ taskId, output }: TaskLiveProps) {
  const task = useTasksStore((s) => s.tasks[taskId]);
  if (!task) {
    return (
      <div className="task-live" role="status">
        <span className="spinner" aria-hidden="true" /> Starting…
      </div>
    );
  }
  return (
    <div className="task-live">
      {task.state === 'failed' || task.state === 'cancelled' ? (
        <LayerList layers={task.layers} />
      ) : (
        <TaskProgress task={task} />
      )}
      <TaskOutcome task={task} />
      {output && <TaskOutput taskId={taskId} label={`Output of ${task.title}`} tall />}
    </div>
  );
}

/** Footer buttons for a dialog following a task: Cancel / Run in background, then Done. */
export function TaskLiveFooter({ taskId, onClose, verb }: { taskId: string; onClose(): void; verb: string }) {
  const task = useTasksStore((s) => s.tasks[taskId]);
  const cancel = useTasksStore((s) => s.cancel);
  const running = !task || task.state === 'running';
  if (!running) {
    return (
      <button type="button" className="button button-primary" onClick={onClose}>
        Done
      </button>
    );
  }
  return (
    <>
      <button type="button" className="button" onClick={() => void cancel(taskId)} disabled={!task}>
        Cancel {verb}
      </button>
      <button type="button" className="button button-primary" onClick={onClose}>
        Run in background
      </button>
    </>
  );
}
