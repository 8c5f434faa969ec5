import type { ReactNode } from 'react';
import { fullDate } from '../../lib/format';
import type { Verdict } from '../../lib/policy';
import { RowActions, type RowActionView } from './RowActions';
import type { Column } from './VirtualTable';

/** A moment in a table: short text (a clock), the full date on hover, machine-readable. */
export function TimeCell({ at, text }: { at: number; text: string }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={fullDate(at)} className="mono-soft">
      {text}
    </time>
  );
}

/** A long monospace value cut to its cell, whole on hover; a dash when empty. */
export function MonoCell({ text, muted }: { text: string; muted?: boolean }) {
  return (
    <span className={muted ? 'truncate mono-soft muted' : 'truncate mono-soft'} title={text}>
      {text || '—'}
    </span>
  );
}

/** A resource table's first column: the name (its details link) stacked over a second line. */
export function nameColumn<T>(render: (row: T) => ReactNode): Column<T> {
  return { id: 'name', label: 'Name', className: 'cell-stack', render };
}

/** A table's last column: each row's buttons, under a header only screen readers read. */
export function actionsColumn<T>(render: (row: T) => ReactNode): Column<T> {
  return { id: 'actions', label: 'Actions', hideLabel: true, className: 'cell-actions', render };
}

/** The last column as icon buttons, one per row descriptor (RowActions), named by the row's name. */
export function rowActionsColumn<T extends { name: string }>(
  actions: readonly RowActionView<T>[],
  allowed: (method: string) => Verdict,
  onAction: (id: string, row: T) => void,
): Column<T> {
  return actionsColumn((row) => (
    <RowActions actions={actions} item={row} name={row.name} allowed={allowed} onAction={onAction} />
  ));
}
