import { CloseIcon } from './Icons';
import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { isTopDialog, popDialog, pushDialog } from '../../lib/dialog-stack';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export { isAnyDialogOpen } from '../../lib/dialog-stack';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.offsetParent !== null || el === document.activeElement,
  );
}

export interface DialogProps {
  title: ReactNode;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  /** Element to focus on open; defaults to the first focusable element in the body. */
  initialFocus?: RefObject<HTMLElement | null>;
  size?: 'small' | 'medium' | 'large';
  /** Clicking outside closes (confirmations); forms keep what was typed instead. */
  dismissOnBackdrop?: boolean;
  /** Extra description element id for aria-describedby. */
  describedBy?: string;
  className?: string;
}

/** A modal dialog: role=dialog, aria-modal, labelled by its title, Escape closes, focus trapped. */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  initialFocus,
  size = 'medium',
  dismissOnBackdrop = false,
  describedBy,
  className,
}: DialogProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const token = Symbol('dialog');
    pushDialog(token);
    const previouslyFocused = document.activeElement as HTMLElement | null;
    const root = ref.current;
    if (root) {
      const target =
        initialFocus?.current ??
        focusables(root.querySelector<HTMLElement>('.dialog-body') ?? root)[0] ??
        focusables(root)[0] ??
        root;
      target.focus();
    }

    const onKeyDown = (e: KeyboardEvent) => {
      if (!isTopDialog(token) || !ref.current) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        onCloseRef.current();
        return;
      }
      if (e.key === 'Tab') {
        const items = focusables(ref.current);
        if (items.length === 0) {
          e.preventDefault();
          return;
        }
        const first = items[0] as HTMLElement;
        const last = items[items.length - 1] as HTMLElement;
        const active = document.activeElement;
        if (!ref.current.contains(active)) {
          e.preventDefault();
          first.focus();
        } else if (e.shiftKey && active === first) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && active === last) {
          e.preventDefault();
          first.focus();
        }
      }
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      popDialog(token);
      if (previouslyFocused && document.contains(previouslyFocused)) previouslyFocused.focus();
    };
    // Runs once per opening; later prop changes must not steal focus back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return createPortal(
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => {
        if (dismissOnBackdrop && e.target === e.currentTarget) onClose();
      }}
    >
      <div
        ref={ref}
        className={`dialog dialog-${size}${className ? ` ${className}` : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        tabIndex={-1}
      >
        <header className="dialog-header">
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
            <CloseIcon size={14} />
          </button>
        </header>
        <div className="dialog-body">{children}</div>
        {footer && <footer className="dialog-footer">{footer}</footer>}
      </div>
    </div>,
    document.body,
  );
}
