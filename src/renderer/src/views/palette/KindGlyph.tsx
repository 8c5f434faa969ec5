import type { SearchKind } from '@shared/contract';

const common = {
  viewBox: '0 0 16 16',
  width: 14,
  height: 14,
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.4,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  'aria-hidden': true,
};

/** A small glyph per palette row: the object's kind, or a chevron for an action. */
export function KindGlyph({ kind }: { kind: SearchKind | 'action' }) {
  switch (kind) {
    case 'container':
      return (
        <svg {...common}>
          <rect x="2.5" y="4" width="11" height="8.5" rx="1.2" />
          <path d="M5.5 4v8.5M8 4v8.5M10.5 4v8.5" />
        </svg>
      );
    case 'image':
      return (
        <svg {...common}>
          <path d="M8 2l5.5 3v6L8 14l-5.5-3V5z" />
          <path d="M2.5 5L8 8l5.5-3M8 8v6" />
        </svg>
      );
    case 'network':
      return (
        <svg {...common}>
          <circle cx="8" cy="3.5" r="1.5" />
          <circle cx="3.5" cy="12" r="1.5" />
          <circle cx="12.5" cy="12" r="1.5" />
          <path d="M8 5v3M8 8L4.5 10.7M8 8l3.5 2.7" />
        </svg>
      );
    case 'volume':
      return (
        <svg {...common}>
          <ellipse cx="8" cy="4" rx="5" ry="1.8" />
          <path d="M3 4v8c0 1 2.2 1.8 5 1.8s5-.8 5-1.8V4M3 8c0 1 2.2 1.8 5 1.8s5-.8 5-1.8" />
        </svg>
      );
    default:
      return (
        <svg {...common}>
          <path d="M6 4l4 4-4 4" />
        </svg>
      );
  }
}
