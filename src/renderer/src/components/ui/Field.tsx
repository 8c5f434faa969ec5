import type { ReactNode } from 'react';

/** aria-describedby for a field's hint and error, if present. */
export function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      {error}
    </p>
  );
}

export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <p id={`${id}-hint`} className="field-hint">
      {children}
    </p>
  );
}

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** When the input loses focus (a form may show the field's problem from then on). */
  onBlur?(): void;
  error?: string | undefined;
  hint?: ReactNode;
  type?: 'text' | 'password';
  placeholder?: string;
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text';
  mono?: boolean;
  className?: string;
}

/** Label, input, hint and error; the input is described by the hint and error. */
export function TextField({
  id,
  label,
  value,
  onChange,
  onBlur,
  error,
  hint,
  type = 'text',
  placeholder,
  required,
  autoComplete = 'off',
  inputMode,
  mono,
  className,
}: TextFieldProps) {
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {!required && <span className="optional"> (optional)</span>}
      </label>
      <input
        id={id}
        type={type}
        className={`input${mono ? ' mono' : ''}`}
        value={value}
        placeholder={placeholder}
        required={required}
        autoComplete={autoComplete}
        spellCheck={false}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      <FieldHint id={id}>{hint}</FieldHint>
      <FieldError id={id} error={error} />
    </div>
  );
}
