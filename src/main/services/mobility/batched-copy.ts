import type { Duplex } from 'node:stream';

/** Bytes written ahead of the destination before the source is paused. */
const WRITE_AHEAD = 1024 * 1024;

/**
 * Copies `from` into `to` like `pipe`, except that what arrives within one turn of the event
 * loop leaves in one write: a TLS engine stream arrives as one small record per chunk (~4 KiB
 * of an exec's output), and writing each to the local socket on its own was one system call
 * and one loopback segment per record. The destination is corked on the first chunk of a turn
 * and uncorked once the turn's I/O is done (setImmediate), which keeps interactive latency
 * well under a millisecond. The source is paused while a megabyte waits unwritten.
 */
export function batchedCopy(from: Duplex, to: Duplex, count: (bytes: number) => void): void {
  let corked = false;
  const flush = () => {
    corked = false;
    to.uncork();
  };
  const resume = () => from.resume();
  from.on('data', (chunk: Buffer) => {
    if (to.destroyed) return;
    count(chunk.length);
    if (!corked) {
      corked = true;
      to.cork();
      setImmediate(flush);
    }
    to.write(chunk);
    if (to.writableLength >= WRITE_AHEAD && !from.isPaused()) {
      from.pause();
      to.once('drain', resume);
    }
  });
  from.once('end', () => to.end());
}
