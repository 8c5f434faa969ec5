import { describe, expect, it } from 'vitest';
import { RunBoundary } from '../../src/main/services/logs/run-boundary';

/**
 * After an engine comes back, the first segment of a followed log can carry lines of the old run
 * (stamped before the new run started) ahead of the new run's: the separator goes between them.
 */
const started = '2026-12-06T20:00:10.5Z';
const old1 = '2026-12-06T20:00:09.000000001Z run 1 a\n';
const old2 = '2026-12-06T20:00:10.499999999Z run 1 b\n';
const new1 = '2026-12-06T20:00:10.500000000Z run 2 a\n';
const new2 = '2026-12-06T20:00:11.000000000Z run 2 b\n';

describe('where a new run begins in the log', () => {
  it('splits one batch at the first line stamped at or after StartedAt', () => {
    const text = old1 + old2 + new1 + new2;
    const [before, after] = new RunBoundary(started).split({ text, runs: [1, text.length] });
    expect(before).toEqual({ text: old1 + old2, runs: [1, (old1 + old2).length] });
    expect(after).toEqual({ text: new1 + new2, runs: [1, (new1 + new2).length] });
  });

  it('keeps waiting while every line is older, across batches and streams', () => {
    const b = new RunBoundary(started);
    expect(b.split({ text: old1, runs: [2, old1.length] })).toEqual([
      { text: old1, runs: [2, old1.length] },
      undefined,
    ]);
    const text = old2 + new1;
    const [before, after] = b.split({ text, runs: [1, old2.length, 2, new1.length] });
    expect(before).toEqual({ text: old2, runs: [1, old2.length] });
    expect(after).toEqual({ text: new1, runs: [2, new1.length] });
  });

  it('puts the separator first when the run starts at once, and ignores text inside a line', () => {
    const b = new RunBoundary(started);
    const half = '2026-12-06T20:00:09.000000001Z run 1 long';
    expect(b.split({ text: half, runs: [1, half.length] })[1]).toBeUndefined();
    // The rest of that old line mentions a later time: not a line start, not the boundary.
    const rest = ` ${new2}`;
    expect(b.split({ text: rest, runs: [1, rest.length] })[1]).toBeUndefined();
    expect(b.split({ text: new1, runs: [1, new1.length] })).toEqual([
      undefined,
      { text: new1, runs: [1, new1.length] },
    ]);
  });

  it('starts the new run after the previous run ended when its first line predates StartedAt', () => {
    // The process printed before the engine recorded its start; the old run had ended earlier.
    const finished = '2026-12-06T20:00:10.2Z';
    const early = '2026-12-06T20:00:10.300000000Z run 2 first\n';
    const old = '2026-12-06T20:00:10.100000000Z run 1 bye\n';
    const text = old + early + new1;
    const [before, after] = new RunBoundary(started, finished).split({ text, runs: [1, text.length] });
    expect(before?.text).toBe(old);
    expect(after?.text).toBe(early + new1);
  });

  it('ignores a FinishedAt that is the zero time or not before StartedAt', () => {
    const text = old2 + new1;
    for (const finished of ['0001-01-01T00:00:00Z', '2026-12-06T20:00:12Z']) {
      const [before, after] = new RunBoundary(started, finished).split({ text, runs: [1, text.length] });
      expect(before?.text).toBe(old2);
      expect(after?.text).toBe(new1);
    }
  });
});
