/**
 * Fuzzy matching for the command palette: the query's characters must appear in order; runs of
 * consecutive characters and matches at word starts score higher, gaps cost a little. Pure, so
 * the ranking is unit-tested without a DOM.
 */
export interface FuzzyMatch {
  score: number;
  /** Indexes of the matched characters in the text, ascending (for highlighting). */
  positions: number[];
}

const SCORE = {
  /** The first character of the text. */
  start: 12,
  /** After a separator ("go-to", "host b", "nginx:1.27") or at a camelCase hump. */
  wordStart: 9,
  /** Directly after the previous matched character. */
  consecutive: 7,
  /** Any other position. */
  plain: 1,
  /** Per skipped character between two matched ones. */
  gap: 0.6,
  /** Per character before the first match (a match late in the text is a weaker hint). */
  lead: 0.2,
} as const;

const MAX_TEXT = 160;
const MAX_TOKEN = 48;
const SEPARATOR = /[\s/_.:@()[\]-]/;

function boundaryBonus(text: string, j: number): number {
  if (j === 0) return SCORE.start;
  const prev = text[j - 1] ?? '';
  const cur = text[j] ?? '';
  if (SEPARATOR.test(prev)) return SCORE.wordStart;
  if (prev === prev.toLowerCase() && cur !== cur.toLowerCase()) return SCORE.wordStart;
  return SCORE.plain;
}

/**
 * Best alignment of one token (no spaces) in `text`: dynamic programming over
 * (token index, text index), O(token × text) thanks to a running maximum for gapped steps.
 */
function matchToken(token: string, text: string): FuzzyMatch | undefined {
  const q = token.toLowerCase();
  const t = text.slice(0, MAX_TEXT);
  const lower = t.toLowerCase();
  const n = q.length;
  const m = t.length;
  if (n === 0) return { score: 0, positions: [] };
  if (n > m) return undefined;

  const NEG = Number.NEGATIVE_INFINITY;
  const scores: Float64Array[] = [];
  const back: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(m).fill(NEG);
    const from = new Int32Array(m).fill(-1);
    const prev = scores[i - 1];
    // Running best of prev[k] + gap*k over k < j - 1, for the gapped predecessor.
    let runBest = NEG;
    let runArg = -1;
    for (let j = i; j < m; j++) {
      if (prev && j >= 2) {
        const k = j - 2;
        const v = (prev[k] ?? NEG) + SCORE.gap * k;
        if (v > runBest) {
          runBest = v;
          runArg = k;
        }
      }
      if (lower[j] !== q[i]) continue;
      const bonus = boundaryBonus(t, j);
      if (!prev) {
        row[j] = bonus - SCORE.lead * j;
        continue;
      }
      const gapped = runBest === NEG ? NEG : runBest - SCORE.gap * (j - 1) + bonus;
      const adjacent = (prev[j - 1] ?? NEG) + Math.max(bonus, SCORE.consecutive);
      if (adjacent >= gapped && adjacent > NEG) {
        row[j] = adjacent;
        from[j] = j - 1;
      } else if (gapped > NEG) {
        row[j] = gapped;
        from[j] = runArg;
      }
    }
    scores.push(row);
    back.push(from);
  }

  const last = scores[n - 1] as Float64Array;
  let end = -1;
  let best = NEG;
  for (let j = 0; j < m; j++) {
    if ((last[j] ?? NEG) > best) {
      best = last[j] ?? NEG;
      end = j;
    }
  }
  if (end < 0) return undefined;
  const positions: number[] = new Array<number>(n);
  for (let i = n - 1, j = end; i >= 0; i--) {
    positions[i] = j;
    j = back[i]?.[j] ?? -1;
  }
  // A whole-text or prefix match is what the user most likely means.
  let score = best;
  if (lower === q) score += 20;
  else if (lower.startsWith(q)) score += 8;
  return { score, positions };
}

function tokensOf(query: string): string[] {
  return query
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => t.slice(0, MAX_TOKEN));
}

/**
 * Matches a whole query: each space-separated token must match on its own (in any order), so
 * "term web" finds "Open terminal in web-1". An empty query matches everything with score 0.
 */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | undefined {
  return fuzzyMatchWithKeywords(query, text, []);
}

/** A token matched only through a keyword counts this much of its score: title matches rank first. */
const KEYWORD_WEIGHT = 0.5;

/**
 * Matches a title, with extra keywords (synonyms such as "delete" for "remove", a host's labels)
 * as a fallback per token. Each token must fit inside the title or inside one keyword: letters
 * scattered across several words do not count. Keyword hits highlight nothing.
 */
export function fuzzyMatchWithKeywords(
  query: string,
  title: string,
  keywords: readonly string[] = [],
): FuzzyMatch | undefined {
  const tokens = tokensOf(query);
  if (tokens.length === 0) return { score: 0, positions: [] };
  let score = 0;
  const positions = new Set<number>();
  for (const token of tokens) {
    const inTitle = matchToken(token, title);
    if (inTitle) {
      score += inTitle.score;
      for (const p of inTitle.positions) positions.add(p);
      continue;
    }
    let best: number | undefined;
    for (const k of keywords) {
      const m = matchToken(token, k);
      if (m && (best === undefined || m.score > best)) best = m.score;
    }
    if (best === undefined) return undefined;
    score += best * KEYWORD_WEIGHT;
  }
  return { score, positions: [...positions].sort((a, b) => a - b) };
}

/** Keeps the items that match, best first; equal scores keep their original order. */
export function fuzzyFilter<T>(
  items: readonly T[],
  query: string,
  match: (item: T, query: string) => FuzzyMatch | undefined,
): Array<{ item: T; match: FuzzyMatch }> {
  const out: Array<{ item: T; match: FuzzyMatch; index: number }> = [];
  items.forEach((item, index) => {
    const m = match(item, query);
    if (m) out.push({ item, match: m, index });
  });
  out.sort((a, b) => b.match.score - a.match.score || a.index - b.index);
  return out.map(({ item, match: m }) => ({ item, match: m }));
}

/** Splits text into plain and matched runs, for rendering highlights. */
export function highlightRuns(
  text: string,
  positions: readonly number[],
): Array<{ text: string; hit: boolean }> {
  const set = new Set(positions);
  const runs: Array<{ text: string; hit: boolean }> = [];
  for (let i = 0; i < text.length; i++) {
    const hit = set.has(i);
    const last = runs[runs.length - 1];
    if (last && last.hit === hit) last.text += text[i];
    else runs.push({ text: text[i] ?? '', hit });
  }
  return runs;
}
