import type { ReactNode } from 'react';
import { IconButton } from '../../../components/ui/IconButton';
import { CloseIcon } from '../../../components/ui/Icons';
import type { FieldErrors } from '../../../lib/forms/run-form';
import { rowEditor } from '../../../lib/row-editor';

/** The keys of a row that hold text (what a MonoInput edits). */
type TextKey<R> = { [K in keyof R]: R[K] extends string ? K : never }[keyof R] & string;

/** A text input of row i bound to its field: id and message (by `${field}.${i}.${key}`), value, edit. */
export interface BoundText {
  id: string;
  error: string | undefined;
  value: string;
  onValue(value: string): void;
}

export interface RowTools<R> {
  text(key: TextKey<R>): BoundText;
  /** A choice of row i (a select's value and edit). */
  choice<K extends TextKey<R>>(key: K): { value: Extract<R[K], string>; onChange(value: R[K]): void };
  set(patch: Partial<R>): void;
}

/** A list field of the form as its component gets it: the rows, the form's messages and ids. */
export interface RunListProps<R> {
  rows: R[];
  errors: FieldErrors;
  idOf(key: string): string;
  onChange(rows: R[]): void;
}

export interface RunRowsProps<R> extends RunListProps<R> {
  /** The form's name of the list: its rows' messages are `${field}.${i}.${key}`, its own `${field}`. */
  field: string;
  legend: string;
  /** One row's noun: "+ Add volume", "Remove volume 2". */
  noun: string;
  /** The grid of a row's fields ("port-fields"). */
  layout: string;
  /** The text keys with messages, in the order they are shown under the row. */
  checked: ReadonlyArray<TextKey<R>>;
  blank(): R;
  /** Said when there is no row. */
  empty: string;
  /** Column heads over the rows, when there are some. */
  head?: ReactNode;
  /** Before the rows (a datalist they use). */
  before?: ReactNode;
  /** The fields of one row. */
  children(row: R, i: number, tools: RowTools<R>): ReactNode;
}

/** A list field of the run form (ports, mounts, variables, labels): rows with ✕ and messages, "+ Add". */
export function RunRows<R>(p: RunRowsProps<R>) {
  const edit = rowEditor(p.rows, p.onChange);
  const setKey = <K extends keyof R>(i: number, key: K, value: R[K]) => {
    const patch: Partial<R> = {};
    patch[key] = value;
    edit.set(i, patch);
  };
  const toolsOf = (row: R, i: number): RowTools<R> => ({
    set: (patch) => edit.set(i, patch),
    choice: (key) => ({
      value: row[key] as Extract<R[typeof key], string>,
      onChange: (value) => setKey(i, key, value),
    }),
    text: (key) => {
      const at = `${p.field}.${i}.${key}`;
      const value = row[key];
      return {
        id: p.idOf(at),
        error: p.errors[at],
        value: typeof value === 'string' ? value : '',
        onValue: (v) => setKey(i, key, v as R[typeof key]),
      };
    },
  });
  const groupError = p.errors[p.field];
  return (
    <fieldset className="field run-rows">
      <legend className="field-label">{p.legend}</legend>
      {p.before}
      {p.rows.length === 0 ? <p className="field-hint">{p.empty}</p> : p.head}
      {p.rows.map((row, i) => {
        const tools = toolsOf(row, i);
        return (
          <div key={i} className="run-row">
            <div className={`run-row-fields ${p.layout}`}>
              {p.children(row, i, tools)}
              <IconButton label={`Remove ${p.noun} ${i + 1}`} onClick={() => edit.remove(i)}>
                <CloseIcon />
              </IconButton>
            </div>
            {p.checked
              .map((key) => tools.text(key))
              .map(({ id, error }) =>
                error ? (
                  <p key={id} id={`${id}-error`} className="field-error">
                    {error}
                  </p>
                ) : null,
              )}
          </div>
        );
      })}
      {groupError && <p className="field-error">{groupError}</p>}
      <div>
        <button type="button" className="button button-small" onClick={() => edit.add(p.blank())}>
          + Add {p.noun}
        </button>
      </div>
    </fieldset>
  );
}

/** The sign between two fields of a row: host → container, KEY = value. */
export function RowJoin({ sign }: { sign: '→' | '=' }) {
  return (
    <span className="ct-kv-eq" aria-hidden="true">
      {sign}
    </span>
  );
}
