import { describe, expect, it } from 'vitest';
import { mergeByTime, timeKey } from '../../../src/renderer/src/lib/merge-log-lines';

const at = (time: string, text: string) => ({ time, text });

describe('mergeByTime (merged stack logs)', () => {
  it('puts a late container tail where its times belong', () => {
    const lines = [at('2026-12-06T21:30:02Z', 'worker 1'), at('2026-12-06T21:30:04Z', 'worker 2')];
    mergeByTime(lines, [at('2026-12-06T21:30:01Z', 'web 1'), at('2026-12-06T21:30:03Z', 'web 2')]);
    expect(lines.map((l) => l.text)).toEqual(['web 1', 'worker 1', 'web 2', 'worker 2']);
  });

  it('orders trimmed nanosecond fractions by value, not as text', () => {
    // RFC3339Nano trims trailing zeros: ".12345Z" is earlier than ".1234567Z" though it sorts later as text.
    const lines = [at('2026-12-06T21:30:01.1234567Z', 'later')];
    mergeByTime(lines, [at('2026-12-06T21:30:01.12345Z', 'earlier'), at('2026-12-06T21:30:01Z', 'first')]);
    expect(lines.map((l) => l.text)).toEqual(['first', 'earlier', 'later']);
  });

  it('keeps arrival order for equal times', () => {
    const lines = [at('2026-12-06T21:30:01Z', 'a')];
    mergeByTime(lines, [at('2026-12-06T21:30:01Z', 'b'), at('2026-12-06T21:30:01Z', 'c')]);
    expect(lines.map((l) => l.text)).toEqual(['a', 'b', 'c']);
  });

  it('pads the fraction to nine digits', () => {
    expect(timeKey('2026-12-06T21:30:01.5Z')).toBe('2026-12-06T21:30:01.500000000Z');
    expect(timeKey('2026-12-06T21:30:01Z')).toBe('2026-12-06T21:30:01.000000000Z');
  });
});
