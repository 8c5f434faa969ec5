import { useEffect, type RefObject } from 'react';

/**
 * While `open`, a press outside `ref` closes (a popup, a menu); with `onWindowBlur` so does the
 * window losing focus. The press is seen on its way down, before the control under it acts.
 */
export function useDismiss(
  ref: RefObject<HTMLElement | null>,
  onClose: () => void,
  { open = true, onWindowBlur = false }: { open?: boolean; onWindowBlur?: boolean } = {},
): void {
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', onDown, true);
    if (onWindowBlur) window.addEventListener('blur', onClose);
    return () => {
      document.removeEventListener('mousedown', onDown, true);
      window.removeEventListener('blur', onClose);
    };
  }, [ref, onClose, open, onWindowBlur]);
}
