import type { Settings } from '@shared/contract';

/** What compact density takes off every table row; the CSS shrinks row controls to match. */
export const COMPACT_ROW_SHRINK = 10;
/** No row gets shorter than a line of text with a little air. */
export const MIN_ROW_HEIGHT = 26;
/** Every virtual table's sticky header row (px): the scroll margin its rows start below. */
export const HEADER_HEIGHT = 34;

/**
 * A virtualized row's height for the density: each table keeps its own comfortable height
 * (two-line rows need more), compact takes the same amount off all of them.
 */
export function rowHeightFor(comfortable: number, density: Settings['density']): number {
  if (density === 'comfortable') return comfortable;
  return Math.max(MIN_ROW_HEIGHT, comfortable - COMPACT_ROW_SHRINK);
}
