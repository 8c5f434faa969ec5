import type { TaskView } from '@shared/contract';
import { formatBytes } from '../../lib/format';
import { useNow } from '../../hooks/useNow';
import { TaskLive } from '../../components/tasks/TaskLive';

/** Bytes per second since the task started, as "8.4 MB/s"; undefined before anything moved. */
function throughput(task: TaskView, now: number): string | undefined {
  const bytes = task.progress.bytes;
  const end = task.endedAt ?? now;
  const seconds = (end - task.startedAt) / 1000;
  // A few KiB (a small volume inside a move) over a task of many steps is no speed worth showing.
  if (!bytes || bytes < 1024 * 1024 || seconds <= 0) return undefined;
  return `${formatBytes(bytes / seconds)}/s`;
}

/** A copy, backup, restore or transfer task: its bar and outcome, plus bytes moved and speed. */
export function TransferLive({ taskId, task }: { taskId: string; task: TaskView | undefined }) {
  const now = useNow(1000, task?.state === 'running');
  const speed = task ? throughput(task, now) : undefined;
  const bytes = task?.progress.bytes;
  const total = task?.progress.totalBytes;
  return (
    <>
      <TaskLive taskId={taskId} />
      {task && bytes !== undefined && (
        <p className="transfer-rate" aria-label="Transfer">
          <span>
            {formatBytes(bytes)}
            {/* The total is an estimate (tar headers add bytes): past it, "of" would read wrong. */}
            {total && bytes <= total ? ` of ${formatBytes(total)}` : ''}
          </span>
          {speed && <span> · {speed}</span>}
        </p>
      )}
    </>
  );
}
