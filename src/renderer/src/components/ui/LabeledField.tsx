import type { ReactNode } from 'react';

export interface LabeledFieldProps {
  /** The id of the control inside, which the label names. */
  id: string;
  label: ReactNode;
  /** The control: an input, a textarea or a select. */
  children: ReactNode;
  /** A problem with the value: shown in place of the hint. */
  error?: ReactNode;
  hint?: ReactNode;
}

/** A label over any control, with a hint or an error under it. */
export function LabeledField({ id, label, children, error, hint }: LabeledFieldProps) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {error ? <p className="field-error">{error}</p> : hint ? <p className="field-hint">{hint}</p> : null}
    </div>
  );
}
