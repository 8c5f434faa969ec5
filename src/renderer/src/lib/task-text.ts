import type { AppErrorShape, TaskKind, TaskState, TaskView } from '@shared/contract';

export const KIND_LABELS: Record<TaskKind, string> = {
  pull: 'Pull',
  push: 'Push',
  build: 'Build',
  save: 'Save',
  load: 'Load',
  copy: 'Copy',
  'volume-copy': 'Volume copy',
  'volume-backup': 'Volume backup',
  'volume-restore': 'Volume restore',
  'container-move': 'Move',
  'container-clone': 'Clone',
  'stack-move': 'Stack move',
  'stack-clone': 'Stack clone',
  update: 'Update',
  stack: 'Stack',
};

export const STATE_LABELS: Record<TaskState, string> = {
  running: 'Running',
  succeeded: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** A heading for a failed task that says what kind of failure it was. */
export function failureTitle(task: TaskView, error: AppErrorShape): string {
  if (error.data?.kind === 'registry-unreachable') return 'Registry unreachable';
  if (task.kind === 'build' && typeof error.data?.step === 'number') {
    return `Build failed at step ${error.data.step}/${String(error.data.steps)}`;
  }
  if (error.code === 'AUTH_FAILED') return `${KIND_LABELS[task.kind]} unauthorized`;
  if (error.code === 'NOT_FOUND') return `${KIND_LABELS[task.kind]} failed: not found`;
  return `${KIND_LABELS[task.kind]} failed`;
}

/** "3 s", "2 min 05 s" between start and end (or now). */
export function elapsed(task: TaskView, now: number): string {
  const s = Math.max(0, Math.round(((task.endedAt ?? now) - task.startedAt) / 1000));
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}
