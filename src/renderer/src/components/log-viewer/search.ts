/** The viewer's search: which lines match, and where in a line (for highlighting). */

export interface SearchOptions {
  regex: boolean;
  caseSensitive: boolean;
}

export interface CompiledSearch {
  /** Does the line's plain text match? */
  test(plain: string): boolean;
  /** Every non-empty match as [start, end) ranges (capped: a line is highlighted, not indexed). */
  ranges(plain: string): Array<[number, number]>;
}

export type SearchResult = { search: CompiledSearch | undefined; error: string | undefined };

const MAX_RANGES_PER_LINE = 1000;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Undefined search for an empty query; an error sentence for a regex that does not compile. */
export function compileSearch(query: string, opts: SearchOptions): SearchResult {
  if (!query) return { search: undefined, error: undefined };
  const source = opts.regex ? query : escapeRegExp(query);
  const flags = opts.caseSensitive ? '' : 'i';
  let once: RegExp;
  let all: RegExp;
  try {
    once = new RegExp(source, flags);
    all = new RegExp(source, `${flags}g`);
  } catch (e) {
    return { search: undefined, error: e instanceof Error ? e.message : 'Invalid pattern.' };
  }
  return {
    error: undefined,
    search: {
      test: (plain) => once.test(plain),
      ranges(plain) {
        const out: Array<[number, number]> = [];
        all.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = all.exec(plain)) !== null && out.length < MAX_RANGES_PER_LINE) {
          if (m[0].length === 0) {
            all.lastIndex++;
            continue;
          }
          out.push([m.index, m.index + m[0].length]);
        }
        return out;
      },
    },
  };
}
