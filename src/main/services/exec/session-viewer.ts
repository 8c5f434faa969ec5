import { PassThrough } from 'node:stream';
import type { ExecOutputEvent, ExecSessionInfo } from '@shared/contract';
import type { StreamSink } from '../../rpc/handlers';
import { pumpBytes } from '../../streams/pump-bytes';

/**
 * One subscriber of a session's output. Bytes go through a small buffer into pumpBytes, which
 * batches them and pauses while the transport window is full; `unacked` counts bytes the viewer
 * has not yet reported as written to its terminal (end-to-end flow control).
 */
export class SessionViewer {
  unacked = 0;
  /** The viewer's buffer is full: the session must stop reading. */
  blocked = false;
  private readonly buffer = new PassThrough({ highWaterMark: 64 * 1024 });
  private readonly stopPump: () => void;

  constructor(
    readonly id: number,
    private readonly sink: StreamSink<ExecOutputEvent>,
    /** The session as it is when the output ends (exit code, reason). */
    finalInfo: () => ExecSessionInfo,
    private readonly onFlowChange: () => void,
  ) {
    this.stopPump = pumpBytes(this.buffer, sink, {
      wrap: (bytes): ExecOutputEvent => ({ type: 'data', bytes }),
      onSourceEnd: () => {
        if (sink.signal.aborted) return;
        sink.emit({ type: 'state', session: finalInfo() });
        sink.end();
      },
    });
    this.buffer.on('drain', () => {
      this.blocked = false;
      this.onFlowChange();
    });
  }

  push(chunk: Buffer): void {
    this.unacked += chunk.length;
    if (!this.buffer.write(chunk)) this.blocked = true;
  }

  ack(bytes: number): void {
    this.unacked = Math.max(0, this.unacked - bytes);
  }

  /** No more output: what was buffered is sent, then the final state, then the stream ends. */
  finish(): void {
    this.buffer.end();
  }

  dispose(): void {
    this.stopPump();
  }

  /** The session is gone (its tab closed): end the stream without a final state. */
  abort(): void {
    this.stopPump();
    this.sink.end();
  }
}
