import { describe, expect, it } from 'vitest';
import { noun, plural } from '../../src/renderer/src/lib/plural';

describe('plural', () => {
  it('says "1 line" and "2 lines", never "1 lines"', () => {
    expect(plural(1, 'line')).toBe('1 line');
    expect(plural(0, 'line')).toBe('0 lines');
    expect(plural(2, 'image')).toBe('2 images');
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
    expect(plural(3, 'entry', 'entries')).toBe('3 entries');
    expect(plural(1234, 'line')).toBe(`${(1234).toLocaleString()} lines`);
    expect(noun(1, 'match', 'matches')).toBe('match');
    expect(noun(5, 'match', 'matches')).toBe('matches');
  });
});
