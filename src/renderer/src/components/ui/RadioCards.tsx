import { RadioInput } from './RadioInput';

export interface RadioCard<T extends string> {
  value: T;
  label: string;
  hint: string;
  /** Shown in red when chosen: a choice that weakens safety. */
  danger?: boolean;
}

export interface RadioCardsProps<T extends string> {
  /** Prefix of the radios' ids and their group name. */
  name: string;
  /** The group's accessible name. */
  label: string;
  value: T;
  options: ReadonlyArray<RadioCard<T>>;
  onChange(value: T): void;
}

/** A radio group whose options each carry a title and a hint that describes them. */
export function RadioCards<T extends string>({ name, label, value, options, onChange }: RadioCardsProps<T>) {
  const group = { name, value, onChange };
  return (
    <div className="policy-options" role="radiogroup" aria-label={label}>
      {options.map((o) => {
        const id = `${name}-${o.value}`;
        return (
          <div
            key={o.value}
            className={`policy-option${value === o.value ? ' is-checked' : ''}${o.danger ? ' is-danger' : ''}`}
          >
            <RadioInput id={id} group={group} value={o.value} aria-describedby={`${id}-hint`} />
            <label htmlFor={id}>
              <span className="policy-title">{o.label}</span>
              <span id={`${id}-hint`} className="kind-option-hint">
                {o.hint}
              </span>
            </label>
          </div>
        );
      })}
    </div>
  );
}
