/**
 * A list after a refresh of some of its rows: `asked` are the ids refreshed, `fresh` the rows the
 * server still has among them. Rows asked for and not returned are gone; returned rows replace
 * theirs in place; new ones go first (the engine lists the newest first). Untouched rows keep
 * their identity and order.
 */
export function mergeById<T extends { id: string }>(
  rows: readonly T[],
  asked: readonly string[],
  fresh: readonly T[],
): T[] {
  const askedSet = new Set(asked);
  const byId = new Map(fresh.map((r) => [r.id, r]));
  const out: T[] = [];
  const placed = new Set<string>();
  for (const r of rows) {
    if (!askedSet.has(r.id)) out.push(r);
    else {
      const next = byId.get(r.id);
      if (next) {
        out.push(next);
        placed.add(r.id);
      }
    }
  }
  const added = fresh.filter((r) => !placed.has(r.id));
  return added.length ? [...added, ...out] : out;
}
