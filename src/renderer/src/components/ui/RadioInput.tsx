import type { InputHTMLAttributes } from 'react';

type Native = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'checked' | 'onChange'>;

export interface RadioInputProps<V extends string> extends Native {
  name: string;
  value: V;
  /** The group's choice: this radio is checked when it is `value`. */
  current: string;
  onPick(value: V): void;
}

/** One radio of a controlled group (segments, cards, swatches): checked when the choice is its own. */
export function RadioInput<V extends string>({ value, current, onPick, ...native }: RadioInputProps<V>) {
  return (
    <input
      type="radio"
      value={value}
      checked={current === value}
      onChange={() => onPick(value)}
      {...native}
    />
  );
}
