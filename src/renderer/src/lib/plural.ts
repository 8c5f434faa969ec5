/** Counts shown in the UI: "1 line", "2 lines", "1,204 entries". One place, so none says "1 lines". */

/** The noun for a count: `one` for exactly 1, else `many` (default: `one` + "s"). */
export function noun(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** The count (grouped for the locale) and its noun. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${noun(n, one, many)}`;
}
