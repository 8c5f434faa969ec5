import { useRef } from 'react';
import { ROW_HEIGHT } from './LogRow';

/**
 * The scroller of the log rows and what its scrolling means: reaching the bottom turns
 * auto-scroll on, scrolling up turns it off. `lastTop` is where the view was last seen.
 */
export function useStickScroll(
  onStickChange: (stick: boolean) => void,
  onMoved?: (el: HTMLDivElement) => void,
) {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const lastTop = useRef(0);
  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const top = el.scrollTop;
    const atBottom = el.scrollHeight - top - el.clientHeight <= ROW_HEIGHT;
    if (atBottom) onStickChange(true);
    else if (top < lastTop.current - 1) onStickChange(false);
    lastTop.current = top;
    onMoved?.(el);
  };
  return { scrollRef, lastTop, onScroll };
}
