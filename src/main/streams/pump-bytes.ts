import type { Readable } from 'node:stream';
import type { StreamSink } from '../rpc/handlers';

export interface PumpOptions<E> {
  /** Wraps one batch of bytes into the stream's event type. */
  wrap(bytes: Uint8Array): E;
  /** Flush when this many bytes are pending (default 64 KiB). */
  maxBytes?: number;
  /**
   * Bulk output goes at most once per this many ms (default 16: one frame): bytes within the window
   * of a large batch wait for it. Small output (an echo, a prompt) never waits for the window.
   */
  maxDelayMs?: number;
  /** A batch under this many bytes is interactive, not bulk (default 1 KiB). */
  smallBytes?: number;
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
  const smallBytes = opts.smallBytes ?? 1024;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  /** Size of the last batch sent: after a small one, the next small one need not wait. */
  let lastBatchBytes = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let immediate: ReturnType<typeof setImmediate> | undefined;
  let lastFlushAt = -Infinity;
  let done = false;

  const flush = () => {
    clearTimeout(timer);
    clearImmediate(immediate);
    timer = undefined;
    immediate = undefined;
    if (pendingBytes === 0) return;
    lastFlushAt = performance.now();
    lastBatchBytes = pendingBytes;
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
    else if (timer === undefined && immediate === undefined) {
      const sinceLast = performance.now() - lastFlushAt;
      // Typing: the echo follows a small batch (the last echo or prompt) and is small itself.
      const interactive = pendingBytes < smallBytes && lastBatchBytes < smallBytes;
      // setImmediate, not now: chunks read in the same I/O turn still travel together.
      if (interactive || sinceLast >= maxDelayMs) immediate = setImmediate(flush);
      else timer = setTimeout(flush, maxDelayMs - sinceLast);
    }
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
    clearImmediate(immediate);
    source.off('data', onData);
    source.destroy();
  };
  sink.signal.addEventListener('abort', dispose, { once: true });
  return dispose;
}
