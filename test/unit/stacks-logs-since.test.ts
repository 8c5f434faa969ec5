import { describe, expect, it } from 'vitest';
import { sinceAfter } from '../../src/main/services/stacks/stack-logs';

describe('sinceAfter (reading a restarted container from after its last shown line)', () => {
  it('is the line time plus one nanosecond, as secs.nanos', () => {
    expect(sinceAfter('2026-12-07T00:14:56.309777389Z')).toBe('1796602496.309777390');
    expect(sinceAfter('2026-12-07T00:14:56.5Z')).toBe('1796602496.500000001');
    expect(sinceAfter('2026-12-07T00:14:56Z')).toBe('1796602496.000000001');
    expect(sinceAfter('2026-12-07T00:14:56.999999999Z')).toBe('1796602497.000000000');
    expect(sinceAfter('2026-12-07T01:14:56.1+01:00')).toBe('1796602496.100000001');
  });

  it('is undefined without a time (then everything is read)', () => {
    expect(sinceAfter('')).toBeUndefined();
    expect(sinceAfter('not a time')).toBeUndefined();
  });
});
