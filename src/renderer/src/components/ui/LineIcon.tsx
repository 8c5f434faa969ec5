import type { ReactNode } from 'react';

export interface LineIconProps {
  /** Width and height in px (the drawing is on a 16×16 grid). */
  size?: number;
  strokeWidth?: number;
  className?: string;
  /** The shapes: paths, circles, rects (they inherit the stroke). */
  children: ReactNode;
}

/** A small decorative line icon (hidden from screen readers: the control around it has the name). */
export function LineIcon({ size = 14, strokeWidth = 1.4, className, children }: LineIconProps) {
  return (
    <svg
      viewBox="0 0 16 16"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className={className}
    >
      {children}
    </svg>
  );
}
