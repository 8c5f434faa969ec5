import { describe, expect, it } from 'vitest';
import { mergeById } from '../../../src/renderer/src/lib/merge-by-id';

const row = (id: string, state = 'running') => ({ id, state });

describe('mergeById', () => {
  it('replaces refreshed rows in place, drops the ones gone, puts new ones first, keeps the rest', () => {
    const a = row('a');
    const b = row('b');
    const c = row('c');
    const d = row('d');
    const merged = mergeById([a, b, c, d], ['b', 'c', 'e'], [row('e', 'created'), row('b', 'exited')]);
    expect(merged.map((r) => `${r.id}:${r.state}`)).toEqual([
      'e:created',
      'a:running',
      'b:exited',
      'd:running',
    ]);
    expect(merged[1]).toBe(a);
    expect(merged[3]).toBe(d);
  });

  it('leaves a list alone when nothing asked for is there or returned', () => {
    const rows = [row('a'), row('b')];
    expect(mergeById(rows, ['x'], [])).toEqual(rows);
  });
});
