/** Highest Engine API version Berthmaster speaks; engines newer than this are addressed at it. */
export const MAX_API_VERSION = '1.43';
/** Oldest engine API version Berthmaster supports (Docker 1.12). */
export const MIN_API_VERSION = '1.24';

function parts(v: string): [number, number] {
  const m = /^v?(\d+)\.(\d+)$/.exec(v.trim());
  if (!m) throw new Error(`not an API version: ${v}`);
  return [Number(m[1]), Number(m[2])];
}

export function compareApiVersions(a: string, b: string): number {
  const [am, an] = parts(a);
  const [bm, bn] = parts(b);
  return am - bm || an - bn;
}

/** Like the Go client: min(ours, the engine's); undefined when the engine is too old. */
export function negotiateApiVersion(engine: string): string | undefined {
  if (compareApiVersions(engine, MIN_API_VERSION) < 0) return undefined;
  return compareApiVersions(engine, MAX_API_VERSION) < 0 ? engine.replace(/^v/, '') : MAX_API_VERSION;
}
