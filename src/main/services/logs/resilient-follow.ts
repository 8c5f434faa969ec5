import type Docker from 'dockerode';
import type { AppErrorShape, EventBatch, LogEvent } from '@shared/contract';
import { toAppError } from '../../errors/to-app-error';
import type { Dispose, StreamSink } from '../../rpc/handlers';
import { childAbort, type ChildAbort } from '../../streams/child-abort';
import { onHostLost, pause, whenConnected, type HostWatch } from '../hosts/host-liveness';
import { pipeLogBody } from './follow-logs';
import { containerFate } from './container-state';
import { LogPosition, msToUnix, unixAfter } from './log-position';
import { LOG_OPEN_TIMEOUT_MS, openLogStream, type LogRequest, type OpenLogStream } from './log-service';
import { timedCall } from '../../engine/timed-call';
import { RunBoundary } from './run-boundary';

export interface ResilientLogDeps {
  hosts: HostWatch & { client(hostId: string): Promise<{ docker: Docker }> };
  events: { subscribe(hostId: string, fn: (batch: EventBatch) => void): () => void };
}

/** Breather between attempts while a host is flapping, so a dead engine is never hammered. */
const RETRY_PAUSE_MS = 500;

/**
 * A followed log that survives what happens to its container and host: when the container stops
 * the stream says 'stopped' and carries on when it starts again ('restarted'); when the host is
 * lost it says 'disconnected' within the heartbeat and, once the host is back, 'resumed' right
 * after the last line sent (since = its timestamp + 1 ns, so the boundary line is not repeated).
 * It ends only when the container is removed or the subscriber leaves.
 */
export async function followResilient(
  deps: ResilientLogDeps,
  hostId: string,
  id: string,
  req: LogRequest,
  sink: StreamSink<LogEvent>,
): Promise<Dispose> {
  const { docker } = await deps.hosts.client(hostId);
  const first = await openLogStream(docker, id, req, sink.signal);
  if (sink.signal.aborted) {
    first.body.destroy();
    return () => undefined;
  }
  const life = new AbortController();
  const signal = life.signal;
  const position = new LogPosition();
  // Without timestamps the engine's `since` needs a time anyway: the moment lines last arrived.
  let lastWall = Date.now();
  /** A restart whose separator waits for the new run's first line (run-boundary.ts). */
  let boundary: RunBoundary | undefined;
  const pass = (event: LogEvent) => {
    if (event.type === 'data') {
      lastWall = Date.now();
      if (req.timestamps) position.push(event.text);
    }
    return sink.emit(event);
  };
  const tracked: StreamSink<LogEvent> = {
    emit(event) {
      if (event.type !== 'data' || !boundary) return pass(event);
      const [before, after] = boundary.split(event);
      let ok = before ? pass({ type: 'data', ...before }) : true;
      if (after) {
        boundary = undefined;
        sink.emit({ type: 'restarted' });
        ok = pass({ type: 'data', ...after });
      }
      return ok;
    },
    writable: () => sink.writable(),
    end: (error) => sink.end(error),
    signal: sink.signal,
  };
  let stopSegment: Dispose | undefined;
  const fullId = first.containerId;

  /** Pipes one engine response until it ends or the host is lost. */
  const runSegment = (seg: OpenLogStream) =>
    new Promise<AppErrorShape | undefined>((resolve) => {
      let settled = false;
      let stopLost: () => void = () => undefined;
      const settle = (lost?: AppErrorShape) => {
        if (settled) return;
        settled = true;
        stopLost();
        signal.removeEventListener('abort', onAbort);
        stopSegment = undefined;
        resolve(lost);
      };
      const onAbort = () => settle();
      const stop = pipeLogBody(seg.body, seg.tty, req.timestamps, tracked, () => settle());
      stopSegment = stop;
      signal.addEventListener('abort', onAbort, { once: true });
      // A host lost mid-stream: tear the response down now; a cut link would leave it hanging.
      stopLost = onHostLost(deps.hosts, hostId, (error) => {
        stop();
        settle(error);
      });
      if (settled) stopLost();
    });

  const classify = (attempt: AbortSignal) => containerFate(() => deps.hosts.client(hostId), fullId, attempt);

  /** Resolves on the container's next start or destroy, a resync of the host, or host loss. */
  const watchContainer = () => {
    let wake: () => void = () => undefined;
    const changed = new Promise<void>((resolve) => (wake = resolve));
    let initial = true;
    const unsubscribe = deps.events.subscribe(hostId, (batch) => {
      if (initial) return; // the subscription's own first resync says nothing new
      const mine = batch.events.some(
        (e) => e.type === 'container' && e.id === fullId && (e.action === 'start' || e.action === 'destroy'),
      );
      if (mine || batch.resync?.includes(hostId)) wake();
    });
    initial = false;
    const stopLost = onHostLost(deps.hosts, hostId, () => wake());
    const onAbort = () => wake();
    signal.addEventListener('abort', onAbort, { once: true });
    return {
      changed,
      stop() {
        unsubscribe();
        stopLost();
        signal.removeEventListener('abort', onAbort);
      },
    };
  };

  const resumeSince = () => (position.last ? unixAfter(position.last) : msToUnix(Math.max(0, lastWall - 1)));

  const loop = async () => {
    let seg: OpenLogStream | undefined = first;
    // The attempt whose signal guards `seg`'s request: unlinked from `signal` when the segment ends.
    let segAttempt: ChildAbort | undefined;
    let knownStart = first.startedAt;
    let outage = false;
    let stopped = false;
    while (!signal.aborted) {
      let lost = seg ? await runSegment(seg) : undefined;
      seg = undefined;
      segAttempt?.unlink();
      segAttempt = undefined;
      while (!seg && !signal.aborted) {
        if (lost) {
          if (!outage) {
            outage = true;
            sink.emit({ type: 'disconnected', error: lost });
            deps.hosts.checkNow(hostId);
          }
          await pause(RETRY_PAUSE_MS, signal);
          await whenConnected(deps.hosts, hostId, signal);
          lost = undefined;
          continue;
        }
        const watcher = watchContainer();
        // Each attempt's requests get their own signal, so retries leave no listeners on `signal`.
        const attempt = childAbort(signal);
        try {
          const next = await classify(attempt.signal);
          if (signal.aborted) return;
          if (next.kind === 'gone') {
            sink.end();
            return;
          }
          if (next.kind === 'lost') {
            lost = next.error;
            continue;
          }
          if (next.kind === 'stopped') {
            if (outage) {
              outage = false;
              sink.emit({ type: 'resumed' });
            }
            if (!stopped) {
              stopped = true;
              sink.emit({ type: 'stopped' });
            }
            await watcher.changed;
            continue;
          }
          const { docker: d } = await deps.hosts.client(hostId);
          seg = await openLogStream(d, fullId, { ...req, tail: 'all', since: resumeSince() }, attempt.signal);
          segAttempt = attempt;
          if (outage) {
            outage = false;
            sink.emit({ type: 'resumed' });
          }
          // The start read before the stream opened can be the run that was just ending: a quick
          // restart then brings the new run's lines on this stream. Read it again now the stream is
          // open, so the separator's boundary is the run this stream can carry.
          const run = req.timestamps
            ? await runTimesNow(d, fullId, attempt.signal, seg.startedAt)
            : { startedAt: seg.startedAt };
          const startedAt = run.startedAt;
          if (stopped || next.startedAt !== knownStart || startedAt !== knownStart) {
            // The separator goes before the first line of the new run, found by its timestamp;
            // without timestamps, where the new stream begins.
            if (boundary) sink.emit({ type: 'restarted' }); // a run that printed nothing
            if (req.timestamps) boundary = new RunBoundary(startedAt, run.finishedAt);
            else sink.emit({ type: 'restarted' });
          }
          stopped = false;
          knownStart = startedAt;
        } catch (e) {
          if (signal.aborted) return;
          const error = toAppError(e);
          if (error.code === 'NOT_FOUND') {
            sink.end();
            return;
          }
          lost = error;
        } finally {
          watcher.stop();
          if (segAttempt !== attempt) attempt.unlink();
        }
      }
    }
  };

  tracked.emit({ type: 'start', tty: first.tty });
  loop().catch((e: unknown) => {
    // Aborts end here (the subscriber left); anything else ends the subscription with its reason.
    if (!signal.aborted) sink.end(e);
  });

  return () => {
    life.abort();
    stopSegment?.();
  };
}

/** The container's current run start and its previous run's end; the earlier reading if the engine cannot say. */
async function runTimesNow(
  docker: Docker,
  id: string,
  signal: AbortSignal,
  startedAt: string,
): Promise<{ startedAt: string; finishedAt?: string }> {
  try {
    const info = await timedCall(
      'Reading the container run times',
      (s) => docker.getContainer(id).inspect({ abortSignal: s } as object),
      { signal, ms: LOG_OPEN_TIMEOUT_MS },
    );
    const finishedAt = info.State?.FinishedAt;
    return { startedAt: info.State?.StartedAt || startedAt, ...(finishedAt ? { finishedAt } : {}) };
  } catch {
    // Only the separator's place depends on it: the start read with the stream is good enough.
    return { startedAt };
  }
}
