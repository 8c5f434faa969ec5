import type Docker from 'dockerode';
import type { ServiceWatchEvent, SwarmTask, TaskChange } from '@shared/contract';
import type { Dispose, StreamSink } from '../../rpc/handlers';
import { filters, request } from './engine';
import type { EngineNode, EngineService, EngineTask } from './engine-types';
import { taskCounts, toService } from './mapping';
import { mapTasks } from './services';

/** One poll a second while someone watches; each poll is bounded by the request timeout below. */
export const WATCH_INTERVAL_MS = 1000;
/** A watch ends by itself after this long, so a forgotten subscription cannot poll forever. */
export const WATCH_MAX_MS = 15 * 60 * 1000;
const POLL_TIMEOUT_MS = 10_000;

const UPDATING = new Set(['updating', 'rollback_started']);

/** Task state changes between two polls, in a stable order (slot, then task id). */
export function diffTasks(before: Map<string, string>, tasks: SwarmTask[]): TaskChange[] {
  const changes: TaskChange[] = [];
  for (const t of tasks) {
    const from = before.get(t.id);
    if (from === t.state) continue;
    const c: TaskChange = { taskId: t.id, to: t.state, image: t.image };
    if (from !== undefined) c.from = from;
    if (t.slot !== undefined) c.slot = t.slot;
    if (t.nodeId) c.nodeId = t.nodeId;
    changes.push(c);
  }
  return changes.sort((a, b) => (a.slot ?? 0) - (b.slot ?? 0) || a.taskId.localeCompare(b.taskId));
}

/**
 * Live progress of a service (a rolling update, a scale, a drain): polls the service and its tasks
 * every second and emits a snapshot whenever a task changed state or the update status moved.
 * Polling rather than the events stream: Docker 20.10 sends service events without task detail,
 * and a poll sees every task's state, error and node in one answer.
 */
export function watchService(docker: Docker, id: string, sink: StreamSink<ServiceWatchEvent>): Dispose {
  const states = new Map<string, string>();
  let lastStatus = '';
  let first = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const started = Date.now();

  const poll = async () => {
    const ctl = new AbortController();
    const onAbort = () => ctl.abort();
    sink.signal.addEventListener('abort', onAbort, { once: true });
    const deadline = setTimeout(() => ctl.abort(), POLL_TIMEOUT_MS);
    try {
      const get = <T>(path: string, query?: Record<string, string | undefined>) =>
        request<T>(docker, { path, method: 'GET', ...(query ? { query } : {}), signal: ctl.signal });
      const service = await get<EngineService>(`/services/${id}`);
      const [tasks, nodes] = await Promise.all([
        get<EngineTask[]>('/tasks', { filters: filters({ service: [service.ID] }) }),
        get<EngineNode[]>('/nodes'),
      ]);
      const mapped = mapTasks(tasks, [service], nodes);
      // The first poll is the baseline: its tasks are not changes the watcher saw happen.
      const changes = first ? [] : diffTasks(states, mapped);
      for (const t of mapped) states.set(t.id, t.state);
      const summary = toService(service, taskCounts(tasks).get(service.ID));
      const status = `${summary.updateStatus?.state ?? ''}|${summary.running}/${summary.desired}`;
      if (first || changes.length || status !== lastStatus) {
        const settled =
          !UPDATING.has(summary.updateStatus?.state ?? '') &&
          summary.running === summary.desired &&
          mapped.every((t) => t.desiredState !== 'running' || t.state === 'running');
        sink.emit({ type: 'progress', service: summary, tasks: mapped, changes, settled });
      }
      first = false;
      lastStatus = status;
    } finally {
      clearTimeout(deadline);
      sink.signal.removeEventListener('abort', onAbort);
    }
  };

  const loop = async () => {
    if (stopped) return;
    try {
      await poll();
      // A slow subscriber is not flooded: the next poll waits until it has room.
      await sink.writable();
    } catch (e) {
      if (!stopped && !sink.signal.aborted) {
        stopped = true;
        sink.end(e);
      }
      return;
    }
    if (stopped) return;
    if (Date.now() - started > WATCH_MAX_MS) {
      stopped = true;
      sink.end();
      return;
    }
    timer = setTimeout(() => void loop(), WATCH_INTERVAL_MS);
  };
  void loop();

  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
