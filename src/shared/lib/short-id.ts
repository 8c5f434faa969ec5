/**
 * The 12-character id the engine and the CLI show. It is also what the engine gives a container
 * by default as hostname and as network alias, so "is this the default?" compares with it exactly
 * (a prefix test would also match a chosen "db" or "cafe").
 */
export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}
