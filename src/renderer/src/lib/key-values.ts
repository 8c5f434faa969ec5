export interface KeyValueRow {
  key: string;
  value: string;
}

/** Rows to a record, and what is wrong with each row (by index). Empty rows are ignored. */
export function keyValuesOf(rows: KeyValueRow[]): {
  record: Record<string, string>;
  errors: Record<number, string>;
} {
  const record: Record<string, string> = {};
  const errors: Record<number, string> = {};
  rows.forEach((r, i) => {
    const key = r.key.trim();
    if (!key && !r.value.trim()) return;
    if (!key) errors[i] = 'Enter a key.';
    else if (/[\s=]/.test(key)) errors[i] = 'A key cannot contain spaces or "=".';
    else if (key in record) errors[i] = `"${key}" is given twice.`;
    else record[key] = r.value;
  });
  return { record, errors };
}
