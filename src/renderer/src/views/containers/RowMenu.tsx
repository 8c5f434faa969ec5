import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { moveMenuFocus } from '../../components/ui/menu-focus';

export interface MenuItem {
  id: string;
  label: string;
  danger?: boolean;
  onSelect(): void;
}

export interface RowMenuProps {
  /** Accessible name, e.g. "Actions for web-1". */
  label: string;
  anchor: HTMLElement;
  items: MenuItem[];
  onClose(): void;
}

/**
 * A small menu under its button, in a portal so the scrolling table does not clip it. Arrow keys
 * move, Enter picks, Escape or a click outside closes and returns focus to the button.
 */
export function RowMenu({ label, anchor, items, onClose }: RowMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ top: number; left: number }>();

  useLayoutEffect(() => {
    const r = anchor.getBoundingClientRect();
    const width = ref.current?.offsetWidth ?? 200;
    const height = ref.current?.offsetHeight ?? 0;
    const below = r.bottom + 4 + height <= window.innerHeight;
    setPos({
      top: below ? r.bottom + 4 : Math.max(8, r.top - 4 - height),
      left: Math.max(8, Math.min(r.right - width, window.innerWidth - width - 8)),
    });
  }, [anchor]);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node) && !anchor.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [anchor, onClose]);

  const finish = () => {
    onClose();
    anchor.focus();
  };

  return createPortal(
    <div
      ref={ref}
      role="menu"
      aria-label={label}
      className="row-menu"
      style={pos ? { top: pos.top, left: pos.left } : { visibility: 'hidden' }}
      onKeyDown={(e) => {
        if (moveMenuFocus(e, ref.current)) return;
        if (e.key === 'Escape' || e.key === 'Tab') {
          e.preventDefault();
          e.stopPropagation();
          finish();
        }
      }}
    >
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className={`row-menu-item${item.danger ? ' is-danger' : ''}`}
          onClick={() => {
            onClose();
            item.onSelect();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>,
    document.body,
  );
}
