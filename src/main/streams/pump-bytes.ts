import type { Readable } from 'node:stream';
import type { StreamSink } from '../rpc/handlers';

export interface PumpOptions<E> {
  /** Wraps one batch of bytes into the stream's event type. */
  wrap(bytes: Uint8Array): E;
  /** Flush when this many bytes are pending (default 64 KiB). */
  maxBytes?: number;
  /** ...or when the oldest pending byte is this old (default 16 ms: one frame). */
  maxDelayMs?: number;
  /** Called once the source ended or failed, after the last batch was sent. */
  onSourceEnd?(error?: Error): void;
}

/**
 * Moves a byte stream (engine logs, an exec socket) to a subscriber in batches, never one message
 * per chunk, and pauses the source while the subscriber's window is full. The source is destroyed
 * when the subscriber goes away.
 */
export function pumpBytes<E>(source: Readable, sink: StreamSink<E>, opts: PumpOptions<E>): () => void {
  const maxBytes = opts.maxBytes ?? 64 * 1024;
  const maxDelayMs = opts.maxDelayMs ?? 16;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let done = false;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pendingBytes === 0) return;
    const bytes = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    if (!sink.emit(opts.wrap(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)))) {
      source.pause();
      void sink.writable().then(() => {
        if (!done && !sink.signal.aborted) source.resume();
      });
    }
  };

  const onData = (chunk: Buffer | string) => {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    pending.push(buf);
    pendingBytes += buf.length;
    if (pendingBytes >= maxBytes) flush();
    else timer ??= setTimeout(flush, maxDelayMs);
  };

  const finish = (error?: Error) => {
    if (done) return;
    done = true;
    flush();
    opts.onSourceEnd?.(error);
  };

  source.on('data', onData);
  source.once('end', () => finish());
  source.once('close', () => finish());
  source.once('error', (e: Error) => finish(e));

  const dispose = () => {
    done = true;
    clearTimeout(timer);
    source.off('data', onData);
    source.destroy();
  };
  sink.signal.addEventListener('abort', dispose, { once: true });
  return dispose;
}
