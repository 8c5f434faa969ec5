import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { HostView } from '@shared/contract';
import { copyConnectionLog, moveHost, reconnectHost } from '../../stores/host-actions';
import { useDesktopUiStore } from '../../stores/desktop-ui';
import { useUiStore } from '../../stores/ui';
import { focusFirstItem, menuItems, moveMenuFocus } from '../../components/ui/menu-focus';

interface Item {
  label: string;
  run(): void;
  disabled?: boolean;
  danger?: boolean;
  separatorBefore?: boolean;
}

export interface HostMenuProps {
  host: HostView;
  isFirst: boolean;
  isLast: boolean;
}

/** The "⋯" menu of a host row: Edit, Reconnect, connection log, Move up/down, Remove. */
export function HostMenu({ host, isFirst, isLast }: HostMenuProps) {
  const [open, setOpen] = useState(false);
  const [pos, setPos] = useState<{ top: number; left: number }>({ top: 0, left: 0 });
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const { openHostForm, askRemoveHost, showLog } = useUiStore.getState();
  const { askExport } = useDesktopUiStore.getState();

  const items: Item[] = [
    { label: 'Edit', run: () => openHostForm({ mode: 'edit', hostId: host.id }) },
    { label: 'Reconnect', run: () => void reconnectHost(host) },
    { label: 'Copy connection log', run: () => void copyConnectionLog(host) },
    { label: 'View connection log', run: () => showLog(host.id) },
    { label: 'Export as Docker context…', run: () => askExport(host.id) },
    { label: 'Move up', run: () => void moveHost(host, -1), disabled: isFirst, separatorBefore: true },
    { label: 'Move down', run: () => void moveHost(host, 1), disabled: isLast },
    { label: 'Remove', run: () => askRemoveHost(host.id), danger: true, separatorBefore: true },
  ];

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) triggerRef.current?.focus();
  };

  useLayoutEffect(() => {
    if (!open || !triggerRef.current) return;
    const r = triggerRef.current.getBoundingClientRect();
    const menuH = menuRef.current?.offsetHeight ?? 240;
    const menuW = menuRef.current?.offsetWidth ?? 200;
    const below = r.bottom + 4;
    const top = below + menuH > window.innerHeight - 8 ? Math.max(8, r.top - menuH - 4) : below;
    const left = Math.min(Math.max(8, r.left), window.innerWidth - menuW - 8);
    setPos({ top, left });
    focusFirstItem(menuRef.current);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      const t = e.target as Node;
      if (!menuRef.current?.contains(t) && !triggerRef.current?.contains(t)) setOpen(false);
    };
    const onBlurWindow = () => setOpen(false);
    document.addEventListener('mousedown', onDown);
    window.addEventListener('blur', onBlurWindow);
    window.addEventListener('resize', onBlurWindow);
    return () => {
      document.removeEventListener('mousedown', onDown);
      window.removeEventListener('blur', onBlurWindow);
      window.removeEventListener('resize', onBlurWindow);
    };
  }, [open]);

  const onMenuKeyDown = (e: React.KeyboardEvent) => {
    if (moveMenuFocus(e, menuRef.current)) return;
    switch (e.key) {
      case 'Home':
        e.preventDefault();
        focusFirstItem(menuRef.current);
        break;
      case 'End':
        e.preventDefault();
        menuItems(menuRef.current).at(-1)?.focus();
        break;
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        close(true);
        break;
      case 'Tab':
        close(false);
        break;
    }
  };

  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        className="icon-button host-menu-trigger"
        aria-label={`Actions for ${host.name}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <circle cx="3.5" cy="8" r="1.3" fill="currentColor" />
          <circle cx="8" cy="8" r="1.3" fill="currentColor" />
          <circle cx="12.5" cy="8" r="1.3" fill="currentColor" />
        </svg>
      </button>
      {open &&
        createPortal(
          <div
            ref={menuRef}
            id={menuId}
            className="menu"
            role="menu"
            aria-label={`Actions for ${host.name}`}
            style={{ top: pos.top, left: pos.left }}
            onKeyDown={onMenuKeyDown}
          >
            {items.map((item) => (
              <div key={item.label} role="none">
                {item.separatorBefore && <div className="menu-separator" role="separator" />}
                <button
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className={`menu-item${item.danger ? ' menu-item-danger' : ''}`}
                  disabled={item.disabled}
                  onClick={() => {
                    close(true);
                    item.run();
                  }}
                >
                  {item.label}
                </button>
              </div>
            ))}
          </div>,
          document.body,
        )}
    </>
  );
}
