import type { ReactNode } from 'react';

export interface LineIconProps {
  /** Width and height in px (the drawing is on a 16×16 grid). */
  size?: number;
  strokeWidth?: number;
  className?: string;
  /** The shapes: paths, circles, rects (they inherit the stroke). */
  children: ReactNode;
}

/** What every line icon shares: the 16×16 grid, round strokes in the text colour, no fill. */
const LINE = {
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
} as const;

/** A small decorative line icon (hidden from screen readers: the control around it has the name). */
export function LineIcon({ size = 14, strokeWidth = 1.4, className, children }: LineIconProps) {
  return (
    <svg {...LINE} width={size} height={size} strokeWidth={strokeWidth} className={className}>
      {children}
    </svg>
  );
}
