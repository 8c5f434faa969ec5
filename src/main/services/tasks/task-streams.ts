import type { TaskOutputEvent, TasksEvent, TaskView } from '@shared/contract';
import type { Dispose, StreamSink } from '../../rpc/handlers';
import { MAX_LINES } from './output-buffer';
import type { TaskRegistry } from './task-registry';

/** Progress updates are coalesced per task and sent at most this often. */
const WATCH_INTERVAL_MS = 100;
const OUTPUT_INTERVAL_MS = 50;
const LINES_PER_EVENT = 500;

/**
 * Runs `flush` at most every `intervalMs`, and not while the subscriber's window is full: the
 * source's state is coalesced meanwhile, so a slow renderer costs no memory.
 */
function throttled(sink: StreamSink<unknown>, intervalMs: number, flush: () => boolean) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting = false;
  let closed = false;
  const run = () => {
    timer = undefined;
    if (closed) return;
    if (!flush()) {
      waiting = true;
      void sink.writable().then(() => {
        waiting = false;
        schedule();
      });
    }
  };
  const schedule = () => {
    if (!timer && !waiting && !closed) timer = setTimeout(run, intervalMs);
  };
  return {
    schedule,
    close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}

export function watchTasks(registry: TaskRegistry, sink: StreamSink<TasksEvent>): Dispose {
  const dirty = new Map<string, TaskView>();
  const removed = new Set<string>();
  const pump = throttled(sink as StreamSink<unknown>, WATCH_INTERVAL_MS, () => {
    if (removed.size) {
      const ids = [...removed];
      removed.clear();
      if (!sink.emit({ type: 'removed', ids })) return false;
    }
    for (const [id, task] of dirty) {
      dirty.delete(id);
      if (!sink.emit({ type: 'upsert', task })) return false;
    }
    return true;
  });
  const off = registry.subscribe((change) => {
    if ('task' in change) {
      dirty.set(change.task.id, change.task);
      removed.delete(change.task.id);
    } else {
      for (const id of change.removed) {
        dirty.delete(id);
        removed.add(id);
      }
    }
    pump.schedule();
  });
  sink.emit({ type: 'snapshot', tasks: registry.list() });
  return () => {
    pump.close();
    off();
  };
}

export function streamTaskOutput(
  registry: TaskRegistry,
  taskId: string,
  sink: StreamSink<TaskOutputEvent>,
): Dispose {
  const buffer = registry.output(taskId);
  let pending = buffer.snapshot();
  let dropped = buffer.dropped;
  let ended = false;
  const flush = (): boolean => {
    while (pending.length) {
      const lines = pending.slice(0, LINES_PER_EVENT);
      pending = pending.slice(lines.length);
      const ev: TaskOutputEvent = { lines };
      if (dropped) ev.dropped = dropped;
      dropped = 0;
      if (!sink.emit(ev)) return false;
    }
    if (ended) sink.end();
    return true;
  };
  const pump = throttled(sink as StreamSink<unknown>, OUTPUT_INTERVAL_MS, flush);
  const stopReading = buffer.read({
    onLines(lines) {
      pending.push(...lines);
      if (pending.length > MAX_LINES) {
        const drop = pending.length - MAX_LINES;
        pending.splice(0, drop);
        dropped += drop;
      }
      pump.schedule();
    },
    onEnd() {
      ended = true;
      pump.schedule();
    },
  });
  pump.schedule();
  return () => {
    pump.close();
    stopReading();
  };
}
