import type { ReactNode } from 'react';

export interface MenuItemButtonProps {
  className: string;
  disabled?: boolean | undefined;
  onClick(): void;
  children: ReactNode;
}

/** One item of a menu: a button in the menuitem role, which menu-focus moves through. */
export function MenuItemButton({ className, disabled, onClick, children }: MenuItemButtonProps) {
  return (
    <button type="button" role="menuitem" className={className} disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}
