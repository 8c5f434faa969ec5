import { useId, useState, type FormEvent } from 'react';
import type { KeyValueRow } from '../lib/key-values';

/** When a field's problem shows: as it is typed, once the field is left, or once the form is submitted. */
export type ProblemTiming = 'typing' | 'blur' | 'submit';

/** What a field is, declared once for the form: its fields' JSX then says only how they read. */
export interface FieldOptions {
  required?: boolean;
  /** Machine text (names, addresses, ports) in a monospace face. */
  mono?: boolean;
  /** Default 'submit'. */
  show?: ProblemTiming;
}

/** A text field's problem; for key/value rows, the problem of each row by index. */
export type FieldProblems<V> = {
  [K in keyof V]?: V[K] extends KeyValueRow[] ? Record<number, string> : string | undefined;
};

const isProblem = (p: unknown) => (typeof p === 'object' && p ? Object.keys(p).length > 0 : Boolean(p));

type KeysOf<V, T> = { [K in keyof V]: V[K] extends T ? K : never }[keyof V] & string;

/**
 * A dialog's form state: one record of values, the problems `check` finds in them, and bindings
 * that give each control its id, value, change handler and (when it is time) its problem, so a
 * field is `<TextField {...field('aliases')} label="Aliases" />`. Nothing is sent while a problem
 * remains; `submit` goes to components/ui/FormDialog's onSubmit (or a form's onSubmit).
 */
export function useFormFields<V extends object>(
  initial: V | (() => V),
  check: (values: V) => FieldProblems<V>,
  options: { [K in keyof V]?: FieldOptions } = {},
) {
  const id = useId();
  const [values, setValues] = useState<V>(initial);
  const [submitted, setSubmitted] = useState(false);
  const [left, setLeft] = useState<ReadonlySet<keyof V>>(new Set());
  const problems = check(values);
  const invalid = Object.values(problems).some(isProblem);

  const set = <K extends keyof V>(key: K, value: V[K]) => setValues((v) => ({ ...v, [key]: value }));
  const idOf = (key: keyof V & string) => `${id}-${key}`;
  /** The problem of a field if it is time to show it. */
  const shown = (key: keyof V): string | undefined => {
    const timing = options[key]?.show ?? 'submit';
    const due = timing === 'typing' || submitted || (timing === 'blur' && left.has(key));
    const problem = problems[key];
    return due && typeof problem === 'string' ? problem : undefined;
  };
  const leave = (key: keyof V) => setLeft((l) => (l.has(key) ? l : new Set(l).add(key)));

  /** For components/ui/Field's TextField (and anything taking the same props). */
  const field = <K extends KeysOf<V, string>>(key: K) => ({
    id: idOf(key),
    value: values[key] as string,
    onChange: (value: string) => set(key, value as V[K]),
    onBlur: () => leave(key),
    error: shown(key),
    required: options[key]?.required ?? false,
    mono: options[key]?.mono ?? false,
  });
  /** For components/ui/CheckboxField. */
  const box = <K extends KeysOf<V, boolean>>(key: K) => ({
    id: idOf(key),
    checked: values[key] as boolean,
    onChange: (checked: boolean) => set(key, checked as V[K]),
  });
  /** For components/ui/KeyValueEditor: its per-row problems show once the form is submitted. */
  const rows = <K extends KeysOf<V, KeyValueRow[]>>(key: K) => ({
    rows: values[key] as KeyValueRow[],
    errors: (submitted && (problems[key] as Record<number, string> | undefined)) || {},
    onChange: (next: KeyValueRow[]) => set(key, next as V[K]),
  });

  /** Shows every problem; runs `send` only when there is none. */
  const submit = (send: () => void) => {
    setSubmitted(true);
    if (!invalid) send();
  };
  /** A plain `<form>`'s attributes (FormDialog makes its own): submitting it runs `submit(send)`. */
  const formProps = (send: () => void) => ({
    id: `${id}-form`,
    noValidate: true,
    onSubmit: (e: FormEvent) => {
      e.preventDefault();
      submit(send);
    },
  });

  return {
    id,
    formId: `${id}-form`,
    values,
    set,
    setValues,
    problems,
    invalid,
    submitted,
    shown,
    field,
    box,
    rows,
    submit,
    formProps,
  };
}
