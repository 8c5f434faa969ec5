import type { InputHTMLAttributes } from 'react';

type Native = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'aria-label'>;

export interface RowInputProps extends Native {
  /** The accessible name, which says the row: "Variable 1 name". */
  label: string;
  value: string;
  onValue(value: string): void;
  /** What is wrong with it, shown by the row at `${id}-error`. */
  error?: string | undefined;
}

/** A monospace text input of one row of a list field, pointing at its message when it has one. */
export function RowInput({
  label,
  value,
  onValue,
  error,
  id,
  className = 'input mono',
  ...native
}: RowInputProps) {
  return (
    <input
      id={id}
      className={className}
      aria-label={label}
      value={value}
      spellCheck={false}
      autoComplete="off"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
      onChange={(e) => onValue(e.target.value)}
      {...native}
    />
  );
}
