import { useId } from 'react';

/** A choice shown as [value, text], or a value that is its own text. */
export type InlineOption<T extends string> = T | readonly [T, string];

/** A select in a toolbar or a request line: its label is for screen readers only, unless given a class. */
export function InlineSelect<T extends string>({
  label,
  value,
  options,
  onChange,
  className = 'input input-small',
  labelClassName,
}: {
  label: string;
  value: T;
  options: ReadonlyArray<InlineOption<T>>;
  onChange(value: T): void;
  className?: string;
  /** A label shown beside the select (e.g. `audit-filter-label`); hidden when absent. */
  labelClassName?: string;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className={labelClassName ?? 'visually-hidden'}>
        {label}
      </label>
      <select id={id} className={className} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => {
          const [v, text] = typeof o === 'string' ? [o, o] : o;
          return (
            <option key={v} value={v}>
              {text}
            </option>
          );
        })}
      </select>
    </>
  );
}
