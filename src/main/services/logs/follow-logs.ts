import type { IncomingMessage } from 'node:http';
import type Docker from 'dockerode';
import { LOG_STDOUT, type LogEvent } from '@shared/contract';
import type { Dispose, StreamSink } from '../../rpc/handlers';
import { FrameDemuxer, type DemuxPiece } from './frame-demuxer';
import { PieceJoiner } from './piece-joiner';
import { pipePieces } from './pipe-pieces';
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
  return pipePieces(
    body,
    sink,
    {
      push: (chunk) => {
        const pieces: DemuxPiece[] = demuxer ? demuxer.push(chunk) : [{ stream: LOG_STDOUT, data: chunk }];
        return joiner ? joiner.push(pieces) : pieces;
      },
      flush: joiner && (() => joiner.flush()),
    },
    onDone,
  );
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
