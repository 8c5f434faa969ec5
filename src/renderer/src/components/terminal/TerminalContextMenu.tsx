import { useEffect, useRef, type KeyboardEvent } from 'react';
import { focusFirstItem, moveMenuFocus } from '../ui/menu-focus';
import { MenuItemButton } from '../ui/MenuItemButton';
import { useDismiss } from '../ui/useDismiss';

export interface MenuItem {
  label: string;
  shortcut?: string;
  disabled?: boolean;
  run(): void;
}

/** A small right-click menu: arrow keys move, Enter runs, Escape or a click outside closes. */
export function TerminalContextMenu({
  x,
  y,
  items,
  onClose,
}: {
  x: number;
  y: number;
  items: MenuItem[];
  onClose(): void;
}) {
  const ref = useRef<HTMLDivElement>(null);

  useDismiss(ref, onClose, { onWindowBlur: true });
  useEffect(() => focusFirstItem(ref.current), []);

  const onKey = (e: KeyboardEvent) => {
    if (moveMenuFocus(e, ref.current)) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  // Keep the menu inside the window.
  const left = Math.min(x, window.innerWidth - 200);
  const top = Math.min(y, window.innerHeight - 40 * items.length - 16);

  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label="Terminal"
      style={{ left, top }}
      onKeyDown={onKey}
    >
      {items.map((item) => (
        <MenuItemButton
          key={item.label}
          className="context-menu-item"
          disabled={item.disabled}
          onClick={() => {
            onClose();
            item.run();
          }}
        >
          <span>{item.label}</span>
          {item.shortcut && <kbd className="context-menu-shortcut">{item.shortcut}</kbd>}
        </MenuItemButton>
      ))}
    </div>
  );
}
