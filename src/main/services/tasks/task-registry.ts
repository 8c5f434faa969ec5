import { randomBytes } from 'node:crypto';
import { AppError, type AppErrorShape, type TaskKind, type TaskView } from '@shared/contract';
import { OutputBuffer } from './output-buffer';

export interface TaskSpec {
  kind: TaskKind;
  hostId: string;
  targetHostId?: string;
  title: string;
  phase?: string;
}

export type TaskPatch = Partial<Pick<TaskView, 'phase' | 'progress' | 'layers' | 'step' | 'result'>>;

/** What a running task's body gets: its cancel signal, and ways to report. */
export interface TaskControl {
  readonly id: string;
  readonly signal: AbortSignal;
  update(patch: TaskPatch): void;
  /** One line of output (no trailing newline needed). */
  output(line: string): void;
}

export type TaskBody = (ctl: TaskControl) => Promise<TaskView['result'] | void>;

export type TaskListener = (change: { task: TaskView } | { removed: string[] }) => void;

interface Entry {
  view: TaskView;
  controller: AbortController;
  output: OutputBuffer;
  done: Promise<void>;
}

/** Finished tasks kept for the panel; the oldest finished ones go first. */
const KEEP_FINISHED = 100;

export interface TaskRegistryOptions {
  /** Maps a failure to the contract's error shape (the dispatcher's mapper). */
  mapError(e: unknown): AppErrorShape;
  log?: { error(msg: string, detail?: unknown): void };
}

/**
 * Every long operation (pull, push, build, save, load, copy) on every host. Tasks live here, in
 * main, so they survive view switches and window reloads; the renderer only watches them.
 */
export class TaskRegistry {
  private entries = new Map<string, Entry>();
  private listeners = new Set<TaskListener>();
  private disposed = false;

  constructor(private readonly opts: TaskRegistryOptions) {}

  start(spec: TaskSpec, body: TaskBody): TaskView {
    if (this.disposed) throw new AppError({ code: 'INTERNAL', message: 'Berthmaster is shutting down.' });
    const id = `t-${randomBytes(6).toString('hex')}`;
    const view: TaskView = {
      id,
      kind: spec.kind,
      hostId: spec.hostId,
      title: spec.title,
      state: 'running',
      phase: spec.phase ?? 'Starting…',
      startedAt: Date.now(),
      progress: { fraction: null },
      layers: [],
      outputLines: 0,
    };
    if (spec.targetHostId) view.targetHostId = spec.targetHostId;
    const controller = new AbortController();
    const output = new OutputBuffer();
    const entry: Entry = { view, controller, output, done: Promise.resolve() };
    this.entries.set(id, entry);

    const ctl: TaskControl = {
      id,
      signal: controller.signal,
      update: (patch) => {
        if (entry.view.state !== 'running') return;
        entry.view = { ...entry.view, ...patch };
        this.emit(entry.view);
      },
      output: (line) => {
        if (entry.view.state !== 'running') return;
        output.push(line);
        entry.view = { ...entry.view, outputLines: output.size };
        this.emit(entry.view);
      },
    };
    entry.done = this.run(entry, ctl, body);
    this.emit(view);
    this.trim();
    return view;
  }

  private async run(entry: Entry, ctl: TaskControl, body: TaskBody): Promise<void> {
    let patch: Partial<TaskView>;
    try {
      // A body that finishes after a cancel still counts as cancelled.
      const result = await body(ctl);
      if (entry.controller.signal.aborted) throw entry.controller.signal.reason;
      patch = { state: 'succeeded', phase: 'Done', progress: { ...entry.view.progress, fraction: 1 } };
      if (result) patch.result = result;
    } catch (e) {
      const shape = this.opts.mapError(entry.controller.signal.aborted ? entry.controller.signal.reason : e);
      if (entry.controller.signal.aborted || shape.code === 'CANCELLED') {
        patch = { state: 'cancelled', phase: 'Cancelled', error: shape };
      } else {
        if (shape.code === 'INTERNAL') this.opts.log?.error(`task ${entry.view.title} failed`, e);
        patch = { state: 'failed', phase: 'Failed', error: shape };
      }
    }
    entry.view = { ...entry.view, ...patch, endedAt: Date.now(), outputLines: entry.output.size };
    entry.output.end();
    this.emit(entry.view);
    this.trim();
  }

  get(id: string): TaskView | undefined {
    return this.entries.get(id)?.view;
  }

  /** Resolves when the task has finished (tests and shutdown). */
  async settled(id: string): Promise<TaskView> {
    const entry = this.require(id);
    await entry.done;
    return entry.view;
  }

  list(): TaskView[] {
    return [...this.entries.values()].map((e) => e.view);
  }

  cancel(id: string): void {
    const entry = this.require(id);
    if (entry.view.state !== 'running') return;
    entry.controller.abort(new AppError({ code: 'CANCELLED', message: 'The task was cancelled.' }));
    entry.view = { ...entry.view, phase: 'Cancelling…' };
    this.emit(entry.view);
  }

  /** Forgets finished tasks (one, or all); running ones stay. */
  clear(id?: string): void {
    const removed: string[] = [];
    for (const [key, entry] of this.entries) {
      if ((id === undefined || key === id) && entry.view.state !== 'running') {
        this.entries.delete(key);
        removed.push(key);
      }
    }
    if (id !== undefined && removed.length === 0 && !this.entries.has(id)) this.require(id);
    if (removed.length) this.emitRemoved(removed);
  }

  output(id: string): OutputBuffer {
    return this.require(id).output;
  }

  subscribe(listener: TaskListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Cancels everything still running (app quit). */
  dispose(): void {
    this.disposed = true;
    for (const entry of this.entries.values()) {
      if (entry.view.state === 'running') {
        entry.controller.abort(new AppError({ code: 'CANCELLED', message: 'Berthmaster is shutting down.' }));
      }
    }
    this.listeners.clear();
  }

  private require(id: string): Entry {
    const entry = this.entries.get(id);
    if (!entry) throw new AppError({ code: 'NOT_FOUND', message: 'That task is no longer known.' });
    return entry;
  }

  private emit(task: TaskView) {
    for (const l of this.listeners) l({ task });
  }

  private emitRemoved(ids: string[]) {
    for (const l of this.listeners) l({ removed: ids });
  }

  private trim() {
    const finished = [...this.entries.values()].filter((e) => e.view.state !== 'running');
    const excess = finished.length - KEEP_FINISHED;
    if (excess <= 0) return;
    const old = finished
      .sort((a, b) => (a.view.endedAt ?? 0) - (b.view.endedAt ?? 0))
      .slice(0, excess)
      .map((e) => e.view.id);
    for (const id of old) this.entries.delete(id);
    this.emitRemoved(old);
  }
}
