import type { Readable, Transform } from 'node:stream';

/**
 * Streams `source` through `counter` into `upload`, and fails the upload when the source dies
 * mid-way: a truncated tar must never look like a complete one to the target engine.
 */
export async function pipeArchive(
  source: Readable,
  counter: Transform,
  upload: (body: Readable) => Promise<unknown>,
): Promise<void> {
  let fail: (e: Error) => void = () => undefined;
  const broken = new Promise<never>((_, reject) => {
    fail = reject;
  });
  // Unhandled if the upload settles first: that is fine, the race below already ended.
  broken.catch(() => undefined);
  const stop = (e: Error) => {
    counter.destroy(e);
    fail(e);
  };
  source.once('error', (e) => stop(e));
  source.once('close', () => {
    if (!source.readableEnded) stop(new Error('The source engine stopped sending data.'));
  });
  counter.once('error', (e) => fail(e));
  source.pipe(counter);
  try {
    await Promise.race([upload(counter), broken]);
  } finally {
    source.destroy();
  }
}
