import { useEffect, useState } from 'react';
import { api } from '../rpc/api';

/** Lines kept in the view; main keeps the same bound per task. */
const MAX_LINES = 5000;

export interface TaskOutputState {
  lines: string[];
  /** Older lines no longer available. */
  dropped: number;
  ended: boolean;
}

/** A task's output while the component is mounted: what main kept, then live lines. */
export function useTaskOutput(taskId: string | undefined): TaskOutputState {
  const [state, setState] = useState<TaskOutputState>({ lines: [], dropped: 0, ended: false });
  useEffect(() => {
    setState({ lines: [], dropped: 0, ended: false });
    if (!taskId) return;
    const sub = api.tasks.output(
      { taskId },
      {
        onEvent(ev) {
          setState((s) => {
            const all = s.lines.concat(ev.lines);
            const cut = Math.max(0, all.length - MAX_LINES);
            return {
              lines: cut ? all.slice(cut) : all,
              dropped: s.dropped + (ev.dropped ?? 0) + cut,
              ended: false,
            };
          });
        },
        onEnd: () => setState((s) => ({ ...s, ended: true })),
      },
    );
    return () => sub.close();
  }, [taskId]);
  return state;
}
