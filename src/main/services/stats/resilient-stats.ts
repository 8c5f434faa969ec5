import type Docker from 'dockerode';
import type { AppErrorShape, StatsEvent, StatsSample } from '@shared/contract';
import type { Dispose, StreamSink } from '../../rpc/handlers';
import { childAbort, withChildAbort } from '../../streams/child-abort';
import { onHostLost, pause, whenConnected, type HostWatch } from '../hosts/host-liveness';
import { containerFate } from '../logs/container-state';
import { watchStats, type StatsWatch } from './stats-stream';

export interface ResilientStatsDeps {
  hosts: HostWatch & { client(hostId: string): Promise<{ docker: Docker }> };
}

/** Breather between attempts while a host is flapping. */
const RETRY_PAUSE_MS = 500;

/**
 * One container's live readings, across host outages: when the host is lost the stream says
 * 'disconnected' (within the heartbeat, or at once when the engine's socket closes) and, once the
 * host is back and the container runs, 'resumed' and readings again. A container that stops or
 * is removed ends the stream, as before.
 */
export async function watchStatsResilient(
  deps: ResilientStatsDeps,
  hostId: string,
  id: string,
  onSample: (sample: StatsSample) => void,
  sink: StreamSink<StatsEvent>,
): Promise<Dispose> {
  const life = new AbortController();
  const signal = life.signal;
  const onParentAbort = () => life.abort();
  sink.signal.addEventListener('abort', onParentAbort, { once: true });
  let current: StatsWatch | undefined;

  /** Opens the engine stream; resolves with how it ended: undefined (the engine closed it) or host loss. */
  const open = async (): Promise<{ ended: Promise<AppErrorShape | undefined> }> => {
    // The engine request gets this attempt's own signal, unlinked once the stream ended (or failed
    // to open), so reconnects leave no listeners on `signal`.
    const attempt = childAbort(signal);
    let resolveEnd: (lost?: AppErrorShape) => void = () => undefined;
    const ended = new Promise<AppErrorShape | undefined>((r) => (resolveEnd = r));
    let watch: StatsWatch;
    try {
      const { docker } = await deps.hosts.client(hostId);
      watch = await watchStats(docker, id, { onSample, onEnd: () => resolveEnd() }, attempt.signal);
    } catch (e) {
      attempt.unlink();
      throw e;
    }
    current = watch;
    const stopLost = onHostLost(deps.hosts, hostId, (error) => {
      watch.stop();
      resolveEnd(error);
    });
    const onAbort = () => resolveEnd();
    signal.addEventListener('abort', onAbort, { once: true });
    return {
      ended: ended.finally(() => {
        stopLost();
        signal.removeEventListener('abort', onAbort);
        attempt.unlink();
        current = undefined;
      }),
    };
  };

  /** Is the container running, stopped or gone (or the host lost)? On its own attempt's signal. */
  const classify = () =>
    withChildAbort(signal, (attempt) => containerFate(() => deps.hosts.client(hostId), id, attempt));

  const loop = async (firstEnd: Promise<AppErrorShape | undefined>) => {
    let ended = firstEnd;
    for (;;) {
      let lost = await ended;
      if (signal.aborted) return;
      if (!lost) {
        const fate = await classify();
        if (fate.kind !== 'lost') {
          // Stopped or removed: the stream is over, as it always was.
          sink.end();
          return;
        }
        lost = fate.error;
      }
      sink.emit({ type: 'disconnected', error: lost });
      deps.hosts.checkNow(hostId);
      for (;;) {
        await pause(RETRY_PAUSE_MS, signal);
        await whenConnected(deps.hosts, hostId, signal);
        const fate = await classify();
        if (fate.kind === 'gone') {
          sink.end();
          return;
        }
        if (fate.kind !== 'running') continue;
        try {
          ({ ended } = await open());
        } catch {
          continue;
        }
        sink.emit({ type: 'resumed' });
        break;
      }
    }
  };

  let first: { ended: Promise<AppErrorShape | undefined> };
  try {
    first = await open();
  } catch (e) {
    sink.signal.removeEventListener('abort', onParentAbort);
    throw e;
  }
  loop(first.ended).catch((e: unknown) => {
    if (!signal.aborted) sink.end(e);
  });
  return () => {
    sink.signal.removeEventListener('abort', onParentAbort);
    life.abort();
    current?.stop();
  };
}
