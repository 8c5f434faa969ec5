import type { IncomingMessage } from 'node:http';
import type Docker from 'dockerode';
import { LOG_STDOUT, type LogEvent } from '@shared/contract';
import type { Dispose, StreamSink } from '../../rpc/handlers';
import { FrameDemuxer, type DemuxPiece } from './frame-demuxer';
import { LogBatcher } from './log-batcher';
import { PieceJoiner } from './piece-joiner';
import { openLogStream, type LogRequest } from './log-service';

/**
 * Pipes one engine log response into the sink (demuxed unless TTY, the pieces of long lines joined
 * when timestamps are on, batched, with backpressure).
 * `onDone` runs once when the engine closes it; the returned function destroys it early (then
 * `onDone` does not run).
 */
export function pipeLogBody(
  body: IncomingMessage,
  tty: boolean,
  timestamps: boolean,
  sink: StreamSink<LogEvent>,
  onDone: (error?: Error) => void,
): Dispose {
  const demuxer = tty ? undefined : new FrameDemuxer();
  const joiner = timestamps ? new PieceJoiner(!tty) : undefined;
  const batcher = new LogBatcher(sink, { pause: () => body.pause(), resume: () => body.resume() });
  let done = false;

  const onData = (chunk: Buffer) => {
    const pieces: DemuxPiece[] = demuxer ? demuxer.push(chunk) : [{ stream: LOG_STDOUT, data: chunk }];
    batcher.add(joiner ? joiner.push(pieces) : pieces);
  };
  const finish = (error?: Error) => {
    if (done) return;
    done = true;
    if (joiner) batcher.add(joiner.flush());
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
    batcher.close();
    body.off('data', onData);
    body.destroy();
  };
}

/**
 * Serves one logs subscription that ends with the engine stream: a non-follow read, or a follow
 * with an `until`. Destroys the engine response when the subscriber leaves.
 */
export async function followLogs(
  docker: Docker,
  id: string,
  req: LogRequest,
  sink: StreamSink<LogEvent>,
): Promise<Dispose> {
  const { tty, body } = await openLogStream(docker, id, req, sink.signal);
  if (sink.signal.aborted) {
    body.destroy();
    return () => undefined;
  }
  sink.emit({ type: 'start', tty });
  return pipeLogBody(body, tty, req.timestamps, sink, (error) => sink.end(error));
}
