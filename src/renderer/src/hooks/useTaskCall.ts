import { useCallback, useState } from 'react';
import type { AppErrorShape, TaskStarted } from '@shared/contract';
import { toErrorShape } from '../lib/errors';
import type { CallInputOf, CallName, CallResultOf } from '../lib/method-types';
import { invoke } from '../rpc/api';
import { useTasksStore } from '../stores/tasks';

/** The calls that start a task. */
type TaskCall = { [K in CallName]: CallResultOf<K> extends TaskStarted ? K : never }[CallName];

/**
 * A dialog's one task-starting call, by contract name ("mobility.volumeCopy"): busy while it
 * starts, the error if it could not, then the task id (its progress is in the tasks store).
 */
export function useTaskCall<K extends TaskCall>(method: K) {
  const [taskId, setTaskId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape>();
  const start = useCallback(
    async (input: CallInputOf<K>) => {
      setBusy(true);
      setError(undefined);
      try {
        const started = (await invoke(method, input)) as TaskStarted;
        setTaskId(started.taskId);
      } catch (e) {
        setError(toErrorShape(e));
      } finally {
        setBusy(false);
      }
    },
    [method],
  );
  const task = useTasksStore((s) => (taskId ? s.tasks[taskId] : undefined));
  return { taskId, task, busy, error, start };
}
