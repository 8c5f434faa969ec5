import type { TaskView } from '@shared/contract';
import { failureTitle } from '../../lib/task-text';
import { CheckIcon } from '../ui/Icons';

/** What a finished task came to: its result in words, or its error as a titled sentence. */
export function TaskOutcome({ task }: { task: TaskView }) {
  if (task.state === 'succeeded') {
    return (
      <div className="task-result" role="status">
        <CheckIcon />
        <div className="task-result-text">
          <span>{task.result?.summary ?? 'Done'}</span>
          {task.result?.digest && <span className="mono task-digest">{task.result.digest}</span>}
        </div>
      </div>
    );
  }
  if (task.state === 'cancelled') {
    return (
      <p className="task-result task-result-cancelled" role="status">
        Cancelled.
      </p>
    );
  }
  if (task.state === 'failed' && task.error) {
    const error = task.error;
    return (
      <div className="banner banner-error task-error" role="alert">
        <div className="banner-content">
          <div className="banner-title">{failureTitle(task, error)}</div>
          <div className="banner-message">{error.message}</div>
          {error.detail && error.detail !== error.message && (
            <details className="banner-detail">
              <summary>Engine message</summary>
              <pre>{error.detail}</pre>
            </details>
          )}
        </div>
      </div>
    );
  }
  return null;
}
