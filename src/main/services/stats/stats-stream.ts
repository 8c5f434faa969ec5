import type Docker from 'dockerode';
import type { StatsSample } from '@shared/contract';
import { openContainerStream } from '../logs/container-stream';
import { AppError } from '@shared/contract';
import { NdjsonObjects } from '../../engine/ndjson';
import { lineTooLong } from '../../engine/progress-stream';
import { toSample, type RawStatsFrame } from './stats-math';

export const STATS_OPEN_TIMEOUT_MS = 15_000;

export interface StatsWatch {
  /** Destroys the engine response; no callback runs afterwards. */
  stop(): void;
}

export interface StatsWatchHandlers {
  onSample(sample: StatsSample): void;
  /** The engine closed the stream (container removed, engine gone) or it failed. */
  onEnd(error?: Error): void;
}

/**
 * Opens GET /containers/{id}/stats?stream=true (one frame a second) and turns each frame into a
 * sample. Rates need the previous sample, so they are computed here, in order.
 */
export async function watchStats(
  docker: Docker,
  id: string,
  handlers: StatsWatchHandlers,
  signal: AbortSignal,
): Promise<StatsWatch> {
  const body = await openContainerStream(docker, {
    endpoint: 'stats',
    id,
    what: 'the stats request',
    query: { stream: true },
    timeoutMs: STATS_OPEN_TIMEOUT_MS,
    signal,
  });
  if (signal.aborted) {
    body.destroy();
    return { stop: () => undefined };
  }
  // A stats frame is a few KiB: a line past 1 MiB is a broken or hostile engine.
  const maxLineBytes = 1024 * 1024;
  const lines = new NdjsonObjects<RawStatsFrame>({
    maxLineBytes,
    onOverflow: () => {
      finish(new AppError({ code: 'ENGINE_ERROR', message: lineTooLong(maxLineBytes) }));
      body.destroy();
    },
  });
  let previous: StatsSample | undefined;
  let done = false;
  body.on('data', (chunk: Buffer) => {
    for (const frame of lines.push(chunk)) {
      if (done) return;
      const sample = toSample(frame, previous);
      previous = sample;
      // A stream's first frame has no previous CPU reading, so its 0 % would be a lie: it only
      // seeds the rates.
      if (sample.running && !frame.precpu_stats?.system_cpu_usage) continue;
      handlers.onSample(sample);
    }
  });
  const finish = (error?: Error) => {
    if (done) return;
    done = true;
    handlers.onEnd(error);
  };
  body.once('end', () => finish());
  body.once('close', () => finish());
  body.once('error', (e: Error) => finish(e));
  return {
    stop() {
      done = true;
      body.destroy();
    },
  };
}
