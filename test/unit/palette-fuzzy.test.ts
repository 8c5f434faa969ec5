import { describe, expect, it } from 'vitest';
import {
  fuzzyFilter,
  fuzzyMatch,
  fuzzyMatchWithKeywords,
  highlightRuns,
} from '../../src/renderer/src/lib/fuzzy';

const titles = [
  'Go to Overview',
  'Go to Containers',
  'Go to host staging-eu',
  'Open terminal in container…',
  'Open container…',
  'Prune stopped containers…',
  'Pull image…',
  'Show keyboard shortcuts',
];
const rank = (q: string) => fuzzyFilter(titles, q, (t, query) => fuzzyMatch(query, t)).map((r) => r.item);

describe('fuzzyMatch', () => {
  it('needs every character in order, case-insensitively', () => {
    expect(fuzzyMatch('ovw', 'Go to Overview')).toBeDefined();
    expect(fuzzyMatch('OVERVIEW', 'Go to Overview')).toBeDefined();
    expect(fuzzyMatch('wvo', 'Go to Overview')).toBeUndefined();
    expect(fuzzyMatch('overviews', 'Go to Overview')).toBeUndefined();
  });

  it('reports the matched positions, preferring word starts and runs', () => {
    expect(fuzzyMatch('ov', 'Go to Overview')?.positions).toEqual([6, 7]);
    expect(fuzzyMatch('gtc', 'Go to Containers')?.positions).toEqual([0, 3, 6]);
    expect(fuzzyMatch('term', 'Open terminal in container…')?.positions).toEqual([5, 6, 7, 8]);
  });

  it('matches space-separated tokens independently, in any order', () => {
    expect(fuzzyMatch('term open', 'Open terminal in container…')).toBeDefined();
    expect(fuzzyMatch('term xyz', 'Open terminal in container…')).toBeUndefined();
  });

  it('matches everything with an empty query', () => {
    expect(fuzzyMatch('   ', 'anything')).toEqual({ score: 0, positions: [] });
  });

  it('ranks prefixes and word starts above scattered letters', () => {
    expect(rank('pull')[0]).toBe('Pull image…');
    expect(rank('prune')[0]).toBe('Prune stopped containers…');
    // Word-start matches beat the one buried later in its title.
    expect(rank('cont').slice(0, 2).sort()).toEqual(['Go to Containers', 'Open container…']);
    expect(rank('cont').indexOf('Prune stopped containers…')).toBeGreaterThan(1);
    expect(rank('open cont')[0]).toBe('Open container…');
    expect(rank('stag')).toEqual(['Go to host staging-eu']);
    expect(rank('ks')[0]).toBe('Show keyboard shortcuts');
  });

  it('prefers an exact name over a longer one containing it', () => {
    const names = ['web-1-backup', 'api-web-1', 'web-1'];
    expect(fuzzyFilter(names, 'web-1', (t, q) => fuzzyMatch(q, t)).map((r) => r.item)).toEqual([
      'web-1',
      'web-1-backup',
      'api-web-1',
    ]);
  });

  it('stays fast and bounded on long texts', () => {
    const long = 'a'.repeat(5000) + 'b';
    // Texts are cut at 160 characters: a match only past that point does not count.
    expect(fuzzyMatch('ab', long)).toBeUndefined();
    expect(fuzzyMatch('aaa', long)?.positions).toEqual([0, 1, 2]);
  });
});

describe('fuzzyMatchWithKeywords', () => {
  it('finds by a keyword, ranked below title matches and highlighting nothing past the title', () => {
    const byKeyword = fuzzyMatchWithKeywords('delete', 'Prune stopped containers…', ['remove', 'delete']);
    expect(byKeyword).toBeDefined();
    expect(byKeyword?.positions).toEqual([]);
    const byTitle = fuzzyMatchWithKeywords('prune', 'Prune stopped containers…', ['remove', 'delete']);
    expect((byTitle?.score ?? 0) > (byKeyword?.score ?? 0)).toBe(true);
  });
});

describe('keywords do not glue scattered letters together', () => {
  it('needs each token inside the title or inside one keyword', () => {
    const kw = ['remove', 'delete', 'clean', 'dangling', 'on local'];
    expect(fuzzyMatchWithKeywords('go ovr', 'Prune unused images…', kw)).toBeUndefined();
    expect(fuzzyMatchWithKeywords('prune local', 'Prune unused images…', kw)?.positions).toEqual([
      0, 1, 2, 3, 4,
    ]);
  });
});

describe('highlightRuns', () => {
  it('splits text into matched and plain runs', () => {
    expect(highlightRuns('Overview', [0, 1, 4])).toEqual([
      { text: 'Ov', hit: true },
      { text: 'er', hit: false },
      { text: 'v', hit: true },
      { text: 'iew', hit: false },
    ]);
  });
});
