import type { ReactNode } from 'react';

export interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  /** A hint under the box (it describes the box). */
  hint?: ReactNode;
  /** The box has a problem, told by the element `${id}-error` (the form shows it where it fits). */
  invalid?: boolean;
  /** "checkbox-row" (a box and its label) or "checkbox-field" (with the hint inside the field). */
  className?: string;
}

/** A checkbox with its label, and optionally a hint that describes it. */
export function CheckboxField({
  id,
  label,
  checked,
  onChange,
  hint,
  invalid,
  className = 'checkbox-row',
}: CheckboxFieldProps) {
  const hintEl = hint ? (
    <p id={`${id}-hint`} className={className === 'checkbox-row' ? 'field-hint checkbox-hint' : 'field-hint'}>
      {hint}
    </p>
  ) : null;
  const describedBy = [hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ');
  const box = (
    <div className={className}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {className !== 'checkbox-row' && hintEl}
    </div>
  );
  return className === 'checkbox-row' && hintEl ? (
    <>
      {box}
      {hintEl}
    </>
  ) : (
    box
  );
}
