import type { ReactNode } from 'react';

export interface ToggleButtonProps {
  on: boolean;
  onChange(on: boolean): void;
  /** The accessible name, when the visible text is a symbol (".*", "Aa"). */
  label?: string;
  title?: string;
  /** Extra classes beside `toggle-button` (e.g. `log-follow`). */
  className?: string;
  children: ReactNode;
}

/** A pressed/unpressed button (Follow, Timestamps, Match case…): `aria-pressed` says its state. */
export function ToggleButton({ on, onChange, label, title, className, children }: ToggleButtonProps) {
  return (
    <button
      type="button"
      className={`toggle-button${className ? ` ${className}` : ''}${on ? ' is-on' : ''}`}
      aria-pressed={on}
      aria-label={label}
      title={title}
      onClick={() => onChange(!on)}
    >
      {children}
    </button>
  );
}
