import type { ApiLogEntry } from '@shared/contract';

/** Merges a batch: new entries go on top, open ones are updated in place (by id). */
export function mergeLogBatch(prev: ApiLogEntry[], fresh: ApiLogEntry[], limit: number): ApiLogEntry[] {
  const byId = new Map(fresh.map((e) => [e.id, e]));
  const updated = prev.map((e) => {
    const u = byId.get(e.id);
    if (u) byId.delete(e.id);
    return u ?? e;
  });
  const added = fresh.filter((e) => byId.has(e.id));
  const next = [...added, ...updated];
  return next.length > limit ? next.slice(0, limit) : next;
}
