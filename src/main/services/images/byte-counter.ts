import { Transform, type TransformCallback } from 'node:stream';

/** Reports at most this often, so a fast transfer does not flood the task's watchers. */
const REPORT_MS = 100;

/**
 * A pass-through that counts the bytes going by and reports them (throttled, plus once at the
 * end). It buffers at most 1 MiB each way; backpressure flows through it.
 */
export function byteCounter(onBytes: (total: number) => void): Transform & { readonly bytes: number } {
  let bytes = 0;
  let last = 0;
  const counter = new Transform({
    // 1 MiB each way (default 16 KiB): the source engine reads ahead while the target is busy
    // unpacking, as a shell pipe between `docker save` and `docker load` lets it.
    highWaterMark: 1024 * 1024,
    transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
      bytes += chunk.length;
      const now = Date.now();
      if (now - last >= REPORT_MS) {
        last = now;
        onBytes(bytes);
      }
      cb(null, chunk);
    },
    flush(cb: TransformCallback) {
      onBytes(bytes);
      cb();
    },
  });
  return Object.defineProperty(counter, 'bytes', { get: () => bytes }) as Transform & {
    readonly bytes: number;
  };
}
