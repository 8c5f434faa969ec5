import { describe, expect, it } from 'vitest';
import { shareStructure } from '../../../src/renderer/src/lib/structural-share';

describe('shareStructure', () => {
  it('returns the previous value when the content is equal', () => {
    const prev = { a: [1, 2], b: { c: 'x' } };
    expect(shareStructure(prev, { a: [1, 2], b: { c: 'x' } })).toBe(prev);
  });

  it('keeps unchanged parts and replaces changed ones', () => {
    const prev = { a: [1, 2], b: { c: 'x' } };
    const next = shareStructure(prev, { a: [1, 2], b: { c: 'y' } });
    expect(next).not.toBe(prev);
    expect(next.a).toBe(prev.a);
    expect(next.b).toEqual({ c: 'y' });
  });

  it('matches array items by id, then by name, so a reorder keeps every item', () => {
    const prev = [
      { id: '1', v: 1 },
      { id: '2', v: 2 },
    ];
    const next = shareStructure(prev, [
      { id: '2', v: 2 },
      { id: '1', v: 1 },
    ]);
    expect(next).not.toBe(prev);
    expect(next[0]).toBe(prev[1]);
    expect(next[1]).toBe(prev[0]);
    const vols = [{ name: 'data', size: 1 }];
    expect(shareStructure(vols, [{ name: 'data', size: 1 }])).toBe(vols);
  });

  it('notices added and removed keys and items', () => {
    const prev: Record<string, number> = { a: 1 };
    expect(shareStructure(prev, { a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    expect(shareStructure({ a: 1, b: 2 }, { a: 1 })).toEqual({ a: 1 });
    expect(shareStructure([1, 2], [1])).toEqual([1]);
    expect(shareStructure({ a: undefined }, {})).toEqual({});
    expect(shareStructure({}, { a: undefined })).toEqual({ a: undefined });
  });
});
