import type { ReactNode } from 'react';

export interface IconButtonProps {
  /** The accessible name: the button shows only an icon or a symbol. */
  label: string;
  title?: string;
  disabled?: boolean;
  /** A toggle's state (aria-pressed), e.g. maximized. */
  pressed?: boolean;
  /** Whether what the button shows or hides is open (aria-expanded). */
  expanded?: boolean;
  onClick(): void;
  children: ReactNode;
}

/** A small button that shows only an icon (close, remove a row, next match). */
export function IconButton({
  label,
  title,
  disabled,
  pressed,
  expanded,
  onClick,
  children,
}: IconButtonProps) {
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      title={title}
      disabled={disabled}
      aria-pressed={pressed}
      aria-expanded={expanded}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
