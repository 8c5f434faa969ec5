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

  it('sends bytes after a quiet spell on the next turn, and batches bulk within the window', async () => {
    const source = new PassThrough();
    const { sink, batches, controller } = collectingSink();
    pumpBytes(source, sink, { wrap, maxDelayMs: 40, smallBytes: 4 });

    source.write('bulk1');
    await nextTurn();
    await nextTurn();
    expect(batches).toEqual(['bulk1']);

    source.write('b');
    source.write('c');
    await nextTurn();
    await nextTurn();
    // Within the window of a bulk batch: held back, then sent together.
    expect(batches).toEqual(['bulk1']);
    await sleep(60);
    expect(batches).toEqual(['bulk1', 'bc']);
    controller.abort();
    expect(source.destroyed).toBe(true);
  });

  it('sends small output after a small batch at once, without waiting for the window (typing)', async () => {
    const source = new PassThrough();
    const { sink, batches, controller } = collectingSink();
    pumpBytes(source, sink, { wrap, maxDelayMs: 50, smallBytes: 4 });
    for (const key of ['a', 'b', 'c']) {
      source.write(key);
      await nextTurn();
      await nextTurn();
    }
    expect(batches).toEqual(['a', 'b', 'c']);
    // Bulk right after the echoes waits for the window, together with what follows.
    source.write('12345');
    source.write('6');
    await nextTurn();
    await nextTurn();
    expect(batches).toEqual(['a', 'b', 'c']);
    await sleep(80);
    expect(batches).toEqual(['a', 'b', 'c', '123456']);
    controller.abort();
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
