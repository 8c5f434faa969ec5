import type { ReactNode } from 'react';
import { describedBy, FieldError, FieldHint } from './Field';

/** One choice of a SelectField: its value and what the user reads. */
export interface SelectChoice<T extends string> {
  value: T;
  text: ReactNode;
  disabled?: boolean;
}

export interface SelectFieldProps<T extends string> {
  id: string;
  label: string;
  value: T;
  /** Choices, or values that are their own text (T is taken from `value`). */
  choices: ReadonlyArray<SelectChoice<NoInfer<T>> | NoInfer<T>>;
  onChange(value: NoInfer<T>): void;
  hint?: ReactNode;
  error?: string | undefined;
  mono?: boolean;
  className?: string;
}

/** TextField's sibling for a fixed set of choices: label, select, hint and error. */
export function SelectField<T extends string>({
  id,
  label,
  value,
  choices,
  onChange,
  hint,
  error,
  mono,
  className,
}: SelectFieldProps<T>) {
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        className={`input${mono ? ' mono' : ''}`}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {choices.map((c) => {
          const {
            value: v,
            text,
            disabled,
          } = typeof c === 'string' ? { value: c, text: c, disabled: false } : c;
          return (
            <option key={v} value={v} disabled={disabled}>
              {text}
            </option>
          );
        })}
      </select>
      <FieldHint id={id}>{hint}</FieldHint>
      <FieldError id={id} error={error} />
    </div>
  );
}
