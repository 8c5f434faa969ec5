/** The edits of a list field's rows (ports, mounts, key = value pairs); each hands on the new list. */
export function rowEditor<R>(rows: readonly R[], onChange: (rows: R[]) => void) {
  return {
    set: (i: number, patch: Partial<R>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r))),
    remove: (i: number) => onChange(rows.filter((_, j) => j !== i)),
    add: (row: R) => onChange([...rows, row]),
  };
}
