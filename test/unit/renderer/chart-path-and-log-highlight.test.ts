import { describe, expect, it } from 'vitest';
import { areaPath, linePath, niceMax } from '../../../src/renderer/src/components/charts/chart-path';
import { segments } from '../../../src/renderer/src/components/log-viewer/highlight';
import { parseAnsi } from '../../../src/renderer/src/components/log-viewer/sgr';

describe('chart geometry', () => {
  const frame = { x0: 0, x1: 10, y0: 0, y1: 100, width: 200, height: 50 };

  it('maps points into the box with y growing downwards', () => {
    expect(linePath([], frame)).toBe('');
    expect(
      linePath(
        [
          [0, 0],
          [5, 50],
          [10, 100],
        ],
        frame,
      ),
    ).toBe('M0 50L100 25L200 0');
  });

  it('clamps values outside the frame and closes the area to the axis', () => {
    expect(
      linePath(
        [
          [-5, 200],
          [20, -1],
        ],
        frame,
      ),
    ).toBe('M0 0L200 50');
    expect(
      areaPath(
        [
          [2, 10],
          [4, 20],
        ],
        frame,
      ),
    ).toBe('M40 45L80 40L80 50L40 50Z');
  });

  it('picks steady, round scale maxima (decimal and binary)', () => {
    expect(niceMax([], 5)).toBe(5);
    expect(niceMax([3, 7.2], 5)).toBe(10);
    expect(niceMax([130], 5)).toBe(200);
    expect(niceMax([0], 0)).toBe(1);
    expect(niceMax([600 * 1024], 1024 * 1024, true)).toBe(1024 * 1024);
    expect(niceMax([3 * 1024 * 1024], 1024 * 1024, true)).toBe(5 * 1024 * 1024);
    expect(niceMax([1500], 1024, true)).toBe(2 * 1024);
  });
});

describe('highlight segments', () => {
  it('splits colours and matches into pieces that keep both', () => {
    const p = parseAnsi('ab\x1b[31mcdef\x1b[0mgh');
    expect(p.plain).toBe('abcdefgh');
    const segs = segments(p.plain, p.runs, [[1, 4]]);
    expect(segs).toEqual([
      { text: 'a', style: undefined, match: false },
      { text: 'b', style: undefined, match: true },
      { text: 'cd', style: { fg: 'var(--ansi-1)' }, match: true },
      { text: 'ef', style: { fg: 'var(--ansi-1)' }, match: false },
      { text: 'gh', style: undefined, match: false },
    ]);
  });

  it('returns the line whole when there is nothing to mark', () => {
    expect(segments('plain', [], [])).toEqual([{ text: 'plain', style: undefined, match: false }]);
  });
});
