import type { IncomingMessage } from 'node:http';
import type { LogEvent } from '@shared/contract';
import type { Dispose, StreamSink } from '../../rpc/handlers';
import type { DemuxPiece } from './frame-demuxer';
import { LogBatcher } from './log-batcher';

/** What turns an engine log body into pieces: each chunk, and (optionally) what is held at the end. */
export interface PieceStage {
  push(chunk: Buffer): DemuxPiece[];
  flush?(): DemuxPiece[];
}

/**
 * The plumbing every log stream shares: the engine body through `stage` into a batcher with
 * backpressure. `onDone` runs once when the engine ends, fails or closes it; the returned function
 * destroys it early (then `onDone` does not run).
 */
export function pipePieces(
  body: IncomingMessage,
  sink: StreamSink<LogEvent>,
  stage: PieceStage,
  onDone: (error?: Error) => void,
): Dispose {
  const batcher = new LogBatcher(sink, { pause: () => body.pause(), resume: () => body.resume() });
  let done = false;
  // The engine flushes every log line as its own HTTP chunk, so one socket read of 64 KiB emits
  // hundreds of 'data' events. They are gathered and handled as one buffer once the read's
  // events are over (a microtask): one pass of the stage, a few pieces instead of one per line.
  let gathered: Buffer[] = [];
  let gatheredBytes = 0;
  const handleGathered = () => {
    if (gathered.length === 0) return;
    const chunk = gathered.length === 1 ? (gathered[0] as Buffer) : Buffer.concat(gathered, gatheredBytes);
    gathered = [];
    gatheredBytes = 0;
    if (!done) batcher.add(stage.push(chunk));
  };

  const onData = (chunk: Buffer) => {
    if (gathered.length === 0) queueMicrotask(handleGathered);
    gathered.push(chunk);
    gatheredBytes += chunk.length;
  };
  const finish = (error?: Error) => {
    if (done) return;
    handleGathered();
    done = true;
    if (stage.flush) batcher.add(stage.flush());
    batcher.end();
    batcher.close();
    onDone(error);
  };
  body.on('data', onData);
  body.once('end', () => finish());
  body.once('error', (e: Error) => finish(sink.signal.aborted ? undefined : e));
  body.once('close', () => finish());

  return () => {
    done = true;
    gathered = [];
    batcher.close();
    body.off('data', onData);
    body.destroy();
  };
}
