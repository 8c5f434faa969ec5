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
  /** Extra class on the field (its width in a row: "grow"). */
  className?: string;
}

/** A label over any control, with a hint or an error under it. */
export function LabeledField({ id, label, children, error, hint, className }: LabeledFieldProps) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {error ? <p className="field-error">{error}</p> : hint ? <p className="field-hint">{hint}</p> : null}
    </div>
  );
}
