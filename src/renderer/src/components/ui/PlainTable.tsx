import type { ReactNode } from 'react';

/** A column heading: its text, or its text and a class (e.g. "num" for right-aligned numbers). */
export type PlainColumn = string | { label: string; className: string };

export interface PlainTableProps {
  className: string;
  /** The table's accessible name. */
  label?: string;
  columns: readonly PlainColumn[];
  /** A last column of row buttons, named "Actions" for screen readers only. */
  actions?: boolean;
  /** The rows (<tr>s). */
  children: ReactNode;
}

/** A small, not virtualized table: a header row of column names over the rows it is given. */
export function PlainTable({ className, label, columns, actions, children }: PlainTableProps) {
  return (
    <table className={className} aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) =>
            typeof c === 'string' ? (
              <th key={c}>{c}</th>
            ) : (
              <th key={c.label} className={c.className}>
                {c.label}
              </th>
            ),
          )}
          {actions && (
            <th>
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
