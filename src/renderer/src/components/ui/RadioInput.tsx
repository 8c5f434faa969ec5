import type { InputHTMLAttributes } from 'react';

/** A group of radios as each of them needs it: its name, its choice, and how to change that. */
export interface RadioGroup<V extends string> {
  name: string;
  value: string;
  onChange(value: V): void;
}

type Native = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'name' | 'value' | 'checked' | 'onChange'>;

export interface RadioInputProps<V extends string> extends Native {
  group: RadioGroup<V>;
  value: V;
}

/** One radio of a controlled group (segments, cards, swatches): checked when the choice is its own. */
export function RadioInput<V extends string>({ group, value, ...native }: RadioInputProps<V>) {
  return (
    <input
      type="radio"
      name={group.name}
      value={value}
      checked={group.value === value}
      onChange={() => group.onChange(value)}
      {...native}
    />
  );
}
