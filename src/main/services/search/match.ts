/**
 * How well a name matches a search, as a rank (lower is better), or undefined for no match.
 * Plain case-insensitive substring matching: a global search must find what was typed, not
 * surprise with loose fuzzy hits from twenty hosts (the palette re-ranks what comes back).
 */
export const RANK = { exact: 0, prefix: 1, wordStart: 2, anywhere: 3, secondary: 4, idPrefix: 8 } as const;

const WORD_SEPARATORS = /[/_.:@\s-]/;

export function rankText(text: string, query: string): number | undefined {
  const t = text.toLowerCase();
  const q = query.toLowerCase();
  if (!q || !t) return undefined;
  if (t === q) return RANK.exact;
  if (t.startsWith(q)) return RANK.prefix;
  let at = t.indexOf(q);
  if (at < 0) return undefined;
  let best: number = RANK.anywhere;
  while (at >= 0) {
    if (WORD_SEPARATORS.test(t[at - 1] ?? '')) {
      best = RANK.wordStart;
      break;
    }
    at = t.indexOf(q, at + 1);
  }
  return best;
}

/** Ids match by prefix only, from 3 hex digits on, with or without "sha256:". */
export function rankId(id: string, query: string): number | undefined {
  const q = query.toLowerCase().replace(/^sha256:/, '');
  if (q.length < 3 || !/^[0-9a-f]+$/.test(q)) return undefined;
  return id
    .toLowerCase()
    .replace(/^sha256:/, '')
    .startsWith(q)
    ? RANK.idPrefix
    : undefined;
}

/** The best rank of a primary name, secondary texts (ranked lower) and the id. */
export function bestRank(
  query: string,
  primary: string,
  secondary: readonly string[],
  id: string,
): number | undefined {
  const ranks: number[] = [];
  const p = rankText(primary, query);
  if (p !== undefined) ranks.push(p);
  for (const s of secondary) {
    const r = rankText(s, query);
    if (r !== undefined) ranks.push(RANK.secondary + r);
  }
  const i = rankId(id, query);
  if (i !== undefined) ranks.push(i);
  return ranks.length ? Math.min(...ranks) : undefined;
}
