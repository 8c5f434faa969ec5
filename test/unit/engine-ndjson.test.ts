import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { NdjsonSplitter } from '../../src/main/engine/ndjson';
import { readJsonLines } from '../../src/main/engine/progress-stream';
import { BuildOutput } from '../../src/main/services/images/build-output';

describe('the NDJSON splitter', () => {
  it('drops a line past the byte cap, tells once, and goes on with the next line', () => {
    const lines: string[] = [];
    const overflows: number[] = [];
    const split = new NdjsonSplitter((l) => lines.push(l), {
      maxLineBytes: 10,
      onOverflow: (n) => overflows.push(n),
    });
    split.push(Buffer.from('{"a":1}\n0123456'));
    split.push(Buffer.from('789abcdef'));
    split.push(Buffer.from('ghij'));
    split.push(Buffer.from('klm\n{"b":2}\n'));
    expect(lines).toEqual(['{"a":1}', '{"b":2}']);
    expect(overflows).toHaveLength(1);
  });

  it('holds at most the cap while a stream never sends a newline', () => {
    let held = 0;
    const split = new NdjsonSplitter(() => undefined, { maxLineBytes: 1024, onOverflow: () => held++ });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    // 64 MiB without a newline: the old splitters kept (and re-scanned) all of it.
    for (let i = 0; i < 1024; i++) split.push(chunk);
    expect(held).toBe(1);
    expect((split as unknown as { pendingBytes: number }).pendingBytes).toBe(0);
  });

  it('keeps a line that ends exactly at the cap and the last line without a newline', () => {
    const lines: string[] = [];
    const split = new NdjsonSplitter((l) => lines.push(l), { maxLineBytes: 4 });
    split.push(Buffer.from('abcd\nef'));
    split.end();
    expect(lines).toEqual(['abcd', 'ef']);
  });
});

describe('progress streams', () => {
  it('end with a clear error when a line passes the cap', async () => {
    const source = new PassThrough();
    const seen: unknown[] = [];
    const read = readJsonLines(source, (ev) => seen.push(ev), 1024 * 1024);
    source.write('{"status":"Pulling"}\n');
    source.write(Buffer.alloc(2 * 1024 * 1024, 'x'));
    await expect(read).rejects.toMatchObject({ code: 'ENGINE_ERROR', message: /longer than 1 MiB/ });
    expect(seen).toEqual([{ status: 'Pulling' }]);
  });
});

describe('build output', () => {
  it('shows output that never ends a line in pieces instead of holding it all', () => {
    const out = new BuildOutput();
    let shown = 0;
    for (let i = 0; i < 100; i++) shown += out.apply({ stream: 'x'.repeat(64 * 1024) }).lines.length;
    expect(shown).toBeGreaterThan(10);
    expect((out as unknown as { partial: string }).partial.length).toBeLessThanOrEqual(256 * 1024);
  });
});
