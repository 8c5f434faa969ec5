import { useId, useRef } from 'react';
import { SettingRow } from './SettingRow';

export interface SettingChoiceProps<T extends string> {
  label: string;
  value: T;
  options: Array<{ value: T; label: string; hint?: string }>;
  onChange(v: T): void;
}

/**
 * A segmented control (ARIA radiogroup): every option visible, one click to change; arrow keys
 * move the choice as in a native radio group, and only the chosen option is in the tab order.
 */
export function SettingChoice<T extends string>({ label, value, options, onChange }: SettingChoiceProps<T>) {
  const labelId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const move = (delta: number) => {
    const i = options.findIndex((o) => o.value === value);
    const next = options[(i + delta + options.length) % options.length];
    if (!next) return;
    onChange(next.value);
    const buttons = ref.current?.querySelectorAll<HTMLElement>('[role="radio"]');
    buttons?.[options.indexOf(next)]?.focus();
  };
  return (
    <SettingRow label={label} labelId={labelId}>
      <div
        ref={ref}
        className="segmented"
        role="radiogroup"
        aria-labelledby={labelId}
        onKeyDown={(e) => {
          if (e.key === 'ArrowRight' || e.key === 'ArrowDown') {
            e.preventDefault();
            move(1);
          } else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
            e.preventDefault();
            move(-1);
          }
        }}
      >
        {options.map((o) => {
          const on = o.value === value;
          return (
            <button
              key={o.value}
              type="button"
              role="radio"
              aria-checked={on}
              tabIndex={on ? 0 : -1}
              className={`segment${on ? ' segment-on' : ''}`}
              title={o.hint}
              onClick={() => onChange(o.value)}
            >
              {o.label}
            </button>
          );
        })}
      </div>
    </SettingRow>
  );
}
