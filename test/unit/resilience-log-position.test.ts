import { describe, expect, it } from 'vitest';
import { LogPosition, msToUnix, tsToUnix, unixAfter } from '../../src/main/services/logs/log-position';

const TS1 = '2026-01-02T03:04:05.123456789Z';
const TS2 = '2026-01-02T03:04:06.5Z';

describe('log position (where a followed log resumes)', () => {
  it('converts timestamps exactly and steps one nanosecond past them', () => {
    expect(tsToUnix(TS1)).toBe('1767323045.123456789');
    expect(tsToUnix(TS2)).toBe('1767323046.500000000');
    expect(tsToUnix('not a time')).toBeUndefined();
    expect(unixAfter('1767323045.123456789')).toBe('1767323045.123456790');
    expect(unixAfter('1767323045.999999999')).toBe('1767323046.000000000');
    expect(msToUnix(1_767_323_045_123)).toBe('1767323045.123000000');
  });

  it('remembers the last complete line, across batches cut anywhere', () => {
    const p = new LogPosition();
    p.push(`${TS1} one\n`);
    expect(p.last).toBe('1767323045.123456789');
    // A line whose end arrives in the next batch counts only once complete.
    p.push(`${TS2} tw`);
    expect(p.last).toBe('1767323045.123456789');
    p.push('o\n');
    expect(p.last).toBe('1767323046.500000000');
    // Several lines in one batch: the last one wins.
    p.push(`${TS1} a\n${TS2} b\n${TS1} c\n`);
    expect(p.last).toBe('1767323045.123456789');
  });

  it('ignores text without timestamps', () => {
    const p = new LogPosition();
    p.push('plain line\n');
    expect(p.last).toBeUndefined();
  });
});
