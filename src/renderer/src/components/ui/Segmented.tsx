import { useId } from 'react';
import { RadioInput } from './RadioInput';

interface SegmentedProps<V extends string> {
  /** The group's accessible name ("Show"). */
  label: string;
  options: ReadonlyArray<{ value: V; label: string }>;
  value: V;
  onChange(value: V): void;
}

/** A row of joined radio buttons: one choice of a few (a list's "Show" filter). */
export function Segmented<V extends string>({ label, options, value, onChange }: SegmentedProps<V>) {
  const name = useId();
  const group = { name, value, onChange };
  return (
    <div className="segmented" role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <label key={o.value} className={`segment${value === o.value ? ' is-checked' : ''}`}>
          <RadioInput group={group} value={o.value} />
          <span>{o.label}</span>
        </label>
      ))}
    </div>
  );
}
