import {
  forwardRef,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type WheelEvent,
} from 'react';
import { MeasuredRows, type MeasuredRowsHandle } from './MeasuredRows';
import { renderRow, ROW_HEIGHT, type LogRowsHandle, type LogRowsProps } from './LogRow';
import { useStickScroll } from './useStickScroll';

export type { LogRowsHandle } from './LogRow';

/** Rows rendered above and below the visible ones. */
const OVERSCAN = 15;

/**
 * The lines, virtualized: only the rows on screen are in the DOM. Unwrapped rows all have one
 * height, so the visible range is arithmetic (no per-row bookkeeping, whatever the count: this is
 * what keeps a fast stream into a 200,000-line buffer cheap). Wrapped rows vary in height and go
 * through @tanstack/react-virtual's measuring (MeasuredRows).
 */
export const LogRows = forwardRef<LogRowsHandle, LogRowsProps>(function LogRows(props, ref) {
  const measured = useRef<MeasuredRowsHandle>(null);
  const { model, wrap, stick, onStickChange } = props;
  const [viewport, setViewport] = useState({ top: 0, height: 600 });
  const { scrollRef, lastTop, onScroll } = useStickScroll(onStickChange, (el) =>
    setViewport({ top: el.scrollTop, height: el.clientHeight }),
  );
  const lastDropped = useRef(model.rowsDroppedFromTop);
  const count = model.rowCount;

  useEffect(() => {
    const el = scrollRef.current;
    if (!el || wrap) return;
    const ro = new ResizeObserver(() => setViewport((v) => ({ ...v, height: el.clientHeight })));
    ro.observe(el);
    return () => ro.disconnect();
  }, [wrap, scrollRef]);

  // Following: the end is in view. Paused: rows dropped at the top move the view up by as much,
  // so the lines being read stay put.
  const dropped = model.rowsDroppedFromTop - lastDropped.current;
  useLayoutEffect(() => {
    lastDropped.current = model.rowsDroppedFromTop;
    const el = scrollRef.current;
    if (!el || wrap) return;
    if (stick) {
      el.scrollTop = count * ROW_HEIGHT;
    } else if (dropped > 0 && lastTop.current > 0) {
      el.scrollTop = Math.max(0, lastTop.current - dropped * ROW_HEIGHT);
    }
  });

  useImperativeHandle(
    ref,
    () => ({
      reveal(seq) {
        const row = model.rowOf(seq);
        if (row < 0) return;
        onStickChange(false);
        if (wrap) return measured.current?.reveal(row);
        const el = scrollRef.current;
        if (el) el.scrollTop = Math.max(0, row * ROW_HEIGHT - el.clientHeight / 2 + ROW_HEIGHT / 2);
      },
      toBottom() {
        onStickChange(true);
        if (wrap) return measured.current?.toBottom();
        const el = scrollRef.current;
        if (el) el.scrollTop = model.rowCount * ROW_HEIGHT;
      },
      firstVisibleSeq() {
        if (wrap) return measured.current?.firstVisibleSeq();
        const el = scrollRef.current;
        return el ? model.rowSeq(Math.floor(el.scrollTop / ROW_HEIGHT)) : undefined;
      },
    }),
    [model, wrap, onStickChange, scrollRef],
  );

  const scrollProps = {
    className: `log-scroll${wrap ? ' is-wrapped' : ''}`,
    role: 'log',
    'aria-live': 'off' as const,
    'aria-label': 'Log lines',
    tabIndex: 0,
    onWheel: (e: WheelEvent<HTMLDivElement>) => {
      if (e.deltaY < 0) onStickChange(false);
    },
  };

  if (wrap) {
    return <MeasuredRows ref={measured} {...props} scrollProps={scrollProps} />;
  }

  // Where the view is (when following, where it is about to be).
  const top = stick
    ? Math.max(0, count * ROW_HEIGHT - viewport.height)
    : Math.max(0, viewport.top - Math.max(0, dropped) * ROW_HEIGHT);
  const start = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(count, Math.ceil((top + viewport.height) / ROW_HEIGHT) + OVERSCAN);
  const rows = [];
  for (let row = start; row < end; row++) {
    rows.push(renderRow(props, row, { transform: `translateY(${row * ROW_HEIGHT}px)`, height: ROW_HEIGHT }));
  }
  return (
    <div ref={scrollRef} {...scrollProps} onScroll={onScroll}>
      <div className="log-sizer" style={{ height: count * ROW_HEIGHT }}>
        {rows}
      </div>
    </div>
  );
});
