import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useImperativeHandle, useLayoutEffect, useState, type HTMLAttributes } from 'react';
import { renderRow, ROW_HEIGHT, type LogRowsProps } from './LogRow';
import { useStickScroll } from './useStickScroll';
import { useThrottledValue } from './useThrottledValue';

export interface MeasuredRowsHandle {
  reveal(row: number): void;
  toBottom(): void;
  firstVisibleSeq(): number | undefined;
}

/** While lines pour in, wrapped rows re-measure at most this often (measuring is per row). */
const WRAPPED_REFRESH_MS = 250;

/**
 * Wrapped lines: heights differ, so @tanstack/react-virtual measures the rows on screen. Its
 * bookkeeping grows with the row count, so while a stream is busy this view refreshes a few
 * times a second instead of every frame.
 */
export const MeasuredRows = forwardRef<
  MeasuredRowsHandle,
  LogRowsProps & { scrollProps: HTMLAttributes<HTMLDivElement> }
>(function MeasuredRows(props, ref) {
  const { model, version, stick, onStickChange, scrollProps } = props;
  const { scrollRef, onScroll } = useStickScroll(onStickChange);
  const shownVersion = useThrottledValue(version, WRAPPED_REFRESH_MS);

  // The row count as of the last refresh (the model itself has moved on).
  const [count, setCount] = useState(model.rowCount);
  useLayoutEffect(() => setCount(model.rowCount), [shownVersion, model]);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => model.rowSeq(i) ?? -1 - i,
  });

  useLayoutEffect(() => {
    if (stick && count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [count, stick, virtualizer, shownVersion]);

  useImperativeHandle(
    ref,
    () => ({
      reveal(row) {
        virtualizer.scrollToIndex(row, { align: 'center' });
      },
      toBottom() {
        if (count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' });
      },
      firstVisibleSeq() {
        const first = virtualizer.getVirtualItems()[0];
        return first ? model.rowSeq(first.index) : undefined;
      },
    }),
    [virtualizer, count, model],
  );

  return (
    <div ref={scrollRef} {...scrollProps} onScroll={onScroll}>
      <div className="log-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer
          .getVirtualItems()
          .map((item) =>
            renderRow(
              props,
              item.index,
              { transform: `translateY(${item.start}px)` },
              { ref: virtualizer.measureElement, index: item.index },
            ),
          )}
      </div>
    </div>
  );
});
