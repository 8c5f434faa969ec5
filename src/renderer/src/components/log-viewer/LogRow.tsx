import type { CSSProperties } from 'react';
import type { LogModel } from './log-model';
import { LogLine, streamClass } from './LogLine';
import type { CompiledSearch } from './search';

/** Height of one unwrapped line (matches logs.css). */
export const ROW_HEIGHT = 18;
/** More than the rows that can ever be on screen at once (with overscan). */
const ROW_SLOTS = 1024;
const NO_RANGES: ReadonlyArray<readonly [number, number]> = [];

export interface LogRowsHandle {
  /** Scrolls line `seq` into the middle of the view (and stops auto-scroll). */
  reveal(seq: number): void;
  toBottom(): void;
  /** Sequence number of the first row on screen. */
  firstVisibleSeq(): number | undefined;
}

export interface LogRowsProps {
  model: LogModel;
  /** Bumped whenever the model changed. */
  version: number;
  wrap: boolean;
  showTs: boolean;
  showStream: boolean;
  search: CompiledSearch | undefined;
  currentSeq: number | undefined;
  /** Auto-scroll on or off; the list turns it off when the user scrolls up, on at the bottom. */
  stick: boolean;
  onStickChange(stick: boolean): void;
}

/** Renders row `row` of the model (shared by both layouts). */
export function renderRow(
  p: Pick<LogRowsProps, 'model' | 'showTs' | 'showStream' | 'search' | 'currentSeq'>,
  row: number,
  style: CSSProperties,
  measure?: { ref(el: HTMLElement | null): void; index: number },
) {
  const seq = p.model.rowSeq(row);
  if (seq === undefined || !p.model.ring.has(seq)) return null;
  const ring = p.model.ring;
  const stream = ring.stream(seq);
  const current = seq === p.currentSeq;
  return (
    <div
      // Keyed by screen slot, not line: while following, the rows scroll through a fixed set of
      // DOM nodes instead of being torn down and rebuilt on every update.
      key={row % ROW_SLOTS}
      ref={measure?.ref}
      data-index={measure?.index}
      className={`log-row ${streamClass(stream)}${current ? ' is-current' : ''}`}
      style={style}
    >
      <LogLine
        text={ring.text(seq)}
        stream={stream}
        ts={ring.ts(seq)}
        showTs={p.showTs}
        showStream={p.showStream}
        ranges={p.search ? p.search.ranges(ring.plain(seq)) : NO_RANGES}
        current={current}
      />
    </div>
  );
}
