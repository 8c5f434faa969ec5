import { useCallback, useState } from 'react';
import type { AppErrorShape, TaskStarted } from '@shared/contract';
import { toErrorShape } from '../../lib/errors';
import { useTasksStore } from '../../stores/tasks';

/** A dialog's one task: starting it, the error if it could not start, then its id. */
export function useTaskStarter() {
  const [taskId, setTaskId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape>();
  const start = useCallback(async (run: () => Promise<TaskStarted>) => {
    setBusy(true);
    setError(undefined);
    try {
      const { taskId: id } = await run();
      setTaskId(id);
    } catch (e) {
      setError(toErrorShape(e));
    } finally {
      setBusy(false);
    }
  }, []);
  const running = useTasksStore((s) =>
    taskId ? (s.tasks[taskId]?.state ?? 'running') === 'running' : false,
  );
  return { taskId, busy, error, start, running };
}
