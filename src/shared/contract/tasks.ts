import { z } from 'zod';
import { call, stream } from './define';
import type { AppErrorShape } from './errors';

/** Long operations run as tasks in main: they outlive the view (and the window) that started them. */
export type TaskKind =
  | 'pull'
  | 'push'
  | 'build'
  | 'save'
  | 'load'
  | 'copy'
  | 'update'
  | 'stack'
  | 'volume-copy'
  | 'volume-backup'
  | 'volume-restore'
  | 'container-move'
  | 'container-clone'
  | 'stack-move'
  | 'stack-clone';
export type TaskState = 'running' | 'succeeded' | 'failed' | 'cancelled';

export const taskIdSchema = z.string().regex(/^t-[a-z0-9]{1,32}$/, 'not a valid task id');

/** One layer of a pull or push, as the engine reports it. */
export interface TaskLayer {
  id: string;
  /** The engine's words: "Downloading", "Extracting", "Pushed", "Already exists"... */
  status: string;
  current: number;
  total: number;
  /** 0..1: how far this layer is, all phases included. */
  fraction: number;
  done: boolean;
}

export interface TaskProgress {
  /** 0..1, or null while the total is not known yet. */
  fraction: number | null;
  /** Bytes moved so far, when the task moves bytes (save, load, copy, build context). */
  bytes?: number;
  /** Expected bytes, when known or estimated. */
  totalBytes?: number;
}

export interface TaskStep {
  /** 1-based, as the builder prints it: "Step 3/7". */
  index: number;
  total: number;
  instruction: string;
}

export interface TaskView {
  id: string;
  kind: TaskKind;
  hostId: string;
  /** The second host of a copy. */
  targetHostId?: string;
  /** "Pull 127.0.0.1:5000/app:1.0" */
  title: string;
  state: TaskState;
  /** What is happening now, in words: "Downloading 3 layers", "Step 2/5: RUN make". */
  phase: string;
  startedAt: number;
  endedAt?: number;
  progress: TaskProgress;
  layers: TaskLayer[];
  step?: TaskStep;
  error?: AppErrorShape;
  /** What came out: the image id or digest, "Loaded image: x". */
  result?: {
    imageId?: string;
    digest?: string;
    summary?: string;
    /** An update: the image the container ran before (what a rollback returns to). */
    previousImageId?: string;
    /** An update that failed its health wait and was put back on `previousImageId`. */
    rolledBack?: boolean;
    /** An update: the container's id after it (recreating gives a new id). */
    containerId?: string;
  };
  /** Output lines kept (the oldest are dropped past a bound). */
  outputLines: number;
}

export type TasksEvent =
  | { type: 'snapshot'; tasks: TaskView[] }
  | { type: 'upsert'; task: TaskView }
  | { type: 'removed'; ids: string[] };

export interface TaskOutputEvent {
  lines: string[];
  /** Lines that were dropped before these (bounded buffers), so the view can say so. */
  dropped?: number;
}

export interface TaskStarted {
  taskId: string;
}

export const tasksContract = {
  /** Every task on every host: a snapshot, then coalesced updates. */
  watch: stream<TasksEvent>()(z.strictObject({})),
  /** A task's output so far, then live lines; ends when the task ends. */
  output: stream<TaskOutputEvent>()(z.strictObject({ taskId: taskIdSchema })),
  cancel: call<void>()(z.strictObject({ taskId: taskIdSchema })),
  /** Forgets one finished task, or all of them. Running tasks are kept. */
  clear: call<void>()(z.strictObject({ taskId: taskIdSchema.optional() })),
};
