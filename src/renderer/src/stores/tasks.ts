import { create } from 'zustand';
import type { AppErrorShape, TaskView, TasksEvent } from '@shared/contract';
import { api } from '../rpc/api';
import { pageWatch } from './page-watch';
import { toErrorShape } from '../lib/errors';

export interface TasksState {
  /** Every task main knows, by id. */
  tasks: Record<string, TaskView>;
  loaded: boolean;
  streamError: AppErrorShape | undefined;
  panelOpen: boolean;
  /** The task whose details are expanded in the panel. */
  expanded: string | undefined;

  cancel(taskId: string): Promise<void>;
  clear(taskId?: string): Promise<void>;
  openPanel(taskId?: string): void;
  closePanel(): void;
  toggleExpanded(taskId: string): void;
}

export const useTasksStore = create<TasksState>()((set, get) => ({
  tasks: {},
  loaded: false,
  streamError: undefined,
  panelOpen: false,
  expanded: undefined,

  async cancel(taskId) {
    await api.tasks.cancel({ taskId });
  },
  async clear(taskId) {
    await api.tasks.clear(taskId ? { taskId } : {});
  },
  openPanel: (taskId) => set({ panelOpen: true, expanded: taskId ?? get().expanded }),
  closePanel: () => set({ panelOpen: false }),
  toggleExpanded: (taskId) => set({ expanded: get().expanded === taskId ? undefined : taskId }),
}));

export type FinishedListener = (task: TaskView) => void;
const finishedListeners = new Set<FinishedListener>();

/** Called once per task that ends (success, failure or cancel) while the page is open. */
export function onTaskFinished(listener: FinishedListener): () => void {
  finishedListeners.add(listener);
  return () => finishedListeners.delete(listener);
}

function apply(ev: TasksEvent) {
  const before = ev.type === 'upsert' ? useTasksStore.getState().tasks[ev.task.id] : undefined;
  useTasksStore.setState((s) => {
    if (ev.type === 'snapshot') {
      return {
        loaded: true,
        streamError: undefined,
        tasks: Object.fromEntries(ev.tasks.map((t) => [t.id, t])),
      };
    }
    if (ev.type === 'upsert') return { tasks: { ...s.tasks, [ev.task.id]: ev.task } };
    const tasks = { ...s.tasks };
    for (const id of ev.ids) delete tasks[id];
    return { tasks, expanded: s.expanded && ev.ids.includes(s.expanded) ? undefined : s.expanded };
  });
  // A task can start and end within one update: "not seen running" counts as running before.
  if (ev.type === 'upsert' && ev.task.state !== 'running' && (!before || before.state === 'running')) {
    for (const l of finishedListeners) l(ev.task);
  }
}

/** Follows every task in main for the life of the page (started once by the Tasks panel). */
export const startTasksWatch = pageWatch<TasksEvent>({
  open: (handlers) => api.tasks.watch({}, handlers),
  onEvent: apply,
  onEnd(error) {
    useTasksStore.setState({ streamError: toErrorShape(error ?? new Error('The task list stopped.')) });
    return undefined;
  },
});

/** Newest first. */
export function sortedTasks(tasks: Record<string, TaskView>): TaskView[] {
  return Object.values(tasks).sort((a, b) => b.startedAt - a.startedAt);
}
