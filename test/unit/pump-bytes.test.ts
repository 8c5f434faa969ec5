import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { pumpBytes } from '../../src/main/streams/pump-bytes';
import type { StreamSink } from '../../src/main/rpc/handlers';

function collectingSink() {
  const batches: string[] = [];
  const controller = new AbortController();
  const sink: StreamSink<string> = {
    emit: (e) => {
      batches.push(e);
      return true;
    },
    writable: () => Promise.resolve(),
    end: () => undefined,
    signal: controller.signal,
  };
  return { sink, batches, controller };
}

describe('pumpBytes', () => {
  const wrap = (b: Uint8Array) => Buffer.from(b).toString();

  it('sends bytes after a quiet spell on the next turn, and batches what follows within the window', async () => {
    const source = new PassThrough();
    const { sink, batches, controller } = collectingSink();
    pumpBytes(source, sink, { wrap, maxDelayMs: 40 });

    source.write('a');
    await nextTurn();
    await nextTurn();
    expect(batches).toEqual(['a']);

    source.write('b');
    source.write('c');
    await nextTurn();
    await nextTurn();
    // Within the window of the last batch: held back, then sent together.
    expect(batches).toEqual(['a']);
    await sleep(60);
    expect(batches).toEqual(['a', 'bc']);
    controller.abort();
    expect(source.destroyed).toBe(true);
  });

  it('flushes at once when a batch is full, and the rest when the source ends', async () => {
    const source = new PassThrough();
    const { sink, batches } = collectingSink();
    let ended = false;
    pumpBytes(source, sink, { wrap, maxBytes: 4, maxDelayMs: 1000, onSourceEnd: () => (ended = true) });
    source.write('12345');
    await nextTurn();
    expect(batches).toEqual(['12345']);
    source.end('6');
    await sleep(10);
    expect(batches).toEqual(['12345', '6']);
    expect(ended).toBe(true);
  });
});
