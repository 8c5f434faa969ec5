/**
 * Structural sharing: returns `next`, except that every part of it equal in content to the
 * matching part of `prev` is `prev`'s own object. A refetched list whose rows did not change
 * keeps their identities (and the list's own when nothing changed), so memoised rows do not
 * re-render. Array items that carry an `id` (or, failing that, a `name`) are matched by it, so a
 * row inserted at the top does not make every row below it "new"; other arrays match by index.
 */
export function shareStructure<T>(prev: unknown, next: T): T {
  if (Object.is(prev, next)) return prev as T;
  if (Array.isArray(next)) return Array.isArray(prev) ? (shareArray(prev, next) as T) : next;
  if (isPlain(next) && isPlain(prev)) return shareObject(prev, next) as T;
  return next;
}

type Plain = Record<string, unknown>;

function isPlain(v: unknown): v is Plain {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function keyOf(v: unknown): string | undefined {
  if (!isPlain(v)) return undefined;
  if (typeof v.id === 'string') return v.id;
  return typeof v.name === 'string' ? v.name : undefined;
}

function shareArray(prev: unknown[], next: unknown[]): unknown[] {
  const byKey = new Map<string, unknown>();
  for (const p of prev) {
    const k = keyOf(p);
    if (k !== undefined) byKey.set(k, p);
  }
  let same = prev.length === next.length;
  const out = next.map((n, i) => {
    const k = keyOf(n);
    const match = k !== undefined ? byKey.get(k) : prev[i];
    const v = match === undefined ? n : shareStructure(match, n);
    if (v !== prev[i]) same = false;
    return v;
  });
  return same ? prev : out;
}

function shareObject(prev: Plain, next: Plain): Plain {
  const keys = Object.keys(next);
  let same = keys.length === Object.keys(prev).length;
  const out: Plain = {};
  for (const k of keys) {
    const v = shareStructure(prev[k], next[k]);
    if (v !== prev[k] || !(k in prev)) same = false;
    out[k] = v;
  }
  return same ? prev : out;
}
