import type { InputHTMLAttributes } from 'react';

type Native = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'aria-label'>;

export interface MonoInputProps extends Native {
  value: string;
  onValue(value: string): void;
  /** The accessible name when no <label> names it: "Variable 1 name" (a row of a list field). */
  label?: string;
  /** What is wrong with it, shown at `${id}-error`. */
  error?: string | undefined;
}

/**
 * A monospace text input for what is typed exactly (names, paths, keys, commands): no spelling
 * check, no autofill; it points at its message when it has one.
 */
export function MonoInput({
  label,
  value,
  onValue,
  error,
  id,
  className = 'input mono',
  ...native
}: MonoInputProps) {
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
