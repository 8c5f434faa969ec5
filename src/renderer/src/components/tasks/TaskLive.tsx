import type { ReactNode } from 'react';
import { Dialog } from '../ui/Dialog';
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

interface TaskLiveDialogProps extends TaskLiveProps {
  title: string;
  /** "pull": the footer's "Cancel pull". */
  verb: string;
  /** The line above the progress ("On host. Closing this keeps the pull running…"). */
  lead?: ReactNode;
  /** Where it runs ("On host."), instead of a lead: the lead adds that closing keeps it running. */
  where?: string;
  size?: 'large';
  onClose(): void;
}

/** The dialog a task-starting dialog becomes once its task started: lead, live progress, footer. */
export function TaskLiveDialog({ taskId, output, title, verb, size, onClose, ...text }: TaskLiveDialogProps) {
  const lead = text.where
    ? `${text.where} Closing this keeps the ${verb} running: follow it in Tasks.`
    : text.lead;
  return (
    <Dialog
      title={title}
      onClose={onClose}
      {...(size ? { size } : {})}
      footer={<TaskLiveFooter taskId={taskId} onClose={onClose} verb={verb} />}
    >
      {lead && <p className="muted dialog-lead">{lead}</p>}
      <TaskLive taskId={taskId} {...(output ? { output } : {})} />
    </Dialog>
  );
}
