import { Dialog } from '../../components/ui/Dialog';
import { TaskLive, TaskLiveFooter } from '../../components/tasks/TaskLive';

/** A stack task (down, pull, scale) followed until it ends or the user sends it to the background. */
export function TaskDialog({ taskId, title, onClose }: { taskId: string; title: string; onClose(): void }) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={<TaskLiveFooter taskId={taskId} onClose={onClose} verb="task" />}
    >
      <TaskLive taskId={taskId} output />
    </Dialog>
  );
}
