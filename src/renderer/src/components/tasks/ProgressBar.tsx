export interface ProgressBarProps {
  /** 0..1, or null for "working, amount unknown". */
  fraction: number | null;
  label: string;
  /** Text for screen readers instead of a percentage, e.g. "12 MiB sent". */
  valueText?: string;
  tone?: 'accent' | 'green' | 'red' | 'grey';
  small?: boolean;
}

/** role=progressbar with its value; indeterminate (striped) while the total is unknown. */
export function ProgressBar({ fraction, label, valueText, tone = 'accent', small }: ProgressBarProps) {
  const pct = fraction === null ? undefined : Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  return (
    <div
      className={`progress progress-${tone}${small ? ' progress-small' : ''}${pct === undefined ? ' is-indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      aria-valuetext={valueText ?? (pct === undefined ? 'working' : `${pct}%`)}
    >
      <div className="progress-fill" style={pct === undefined ? undefined : { width: `${pct}%` }} />
    </div>
  );
}
