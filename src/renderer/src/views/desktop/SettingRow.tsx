import type { ReactNode } from 'react';

export interface SettingRowProps {
  label: string;
  /** The label names this control (an input); without it the label is a span with labelId. */
  htmlFor?: string;
  labelId?: string;
  children: ReactNode;
  /** Under the control: a hint or an error. */
  note?: ReactNode;
}

/** One row of the settings page: its label, the control, and a note under it. */
export function SettingRow({ label, htmlFor, labelId, children, note }: SettingRowProps) {
  return (
    <div className="field setting-row">
      {htmlFor ? (
        <label className="field-label" htmlFor={htmlFor}>
          {label}
        </label>
      ) : (
        <span className="field-label" id={labelId}>
          {label}
        </span>
      )}
      {children}
      {note}
    </div>
  );
}
