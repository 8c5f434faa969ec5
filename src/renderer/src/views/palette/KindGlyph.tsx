import type { ReactNode } from 'react';
import type { SearchKind } from '@shared/contract';
import { LineIcon } from '../../components/ui/LineIcon';

const GLYPHS: Partial<Record<SearchKind, ReactNode>> = {
  container: (
    <>
      <rect x="2.5" y="4" width="11" height="8.5" rx="1.2" />
      <path d="M5.5 4v8.5M8 4v8.5M10.5 4v8.5" />
    </>
  ),
  image: (
    <>
      <path d="M8 2l5.5 3v6L8 14l-5.5-3V5z" />
      <path d="M2.5 5L8 8l5.5-3M8 8v6" />
    </>
  ),
  network: (
    <>
      <circle cx="8" cy="3.5" r="1.5" />
      <circle cx="3.5" cy="12" r="1.5" />
      <circle cx="12.5" cy="12" r="1.5" />
      <path d="M8 5v3M8 8L4.5 10.7M8 8l3.5 2.7" />
    </>
  ),
  volume: (
    <>
      <ellipse cx="8" cy="4" rx="5" ry="1.8" />
      <path d="M3 4v8c0 1 2.2 1.8 5 1.8s5-.8 5-1.8V4M3 8c0 1 2.2 1.8 5 1.8s5-.8 5-1.8" />
    </>
  ),
};

/** A small glyph per palette row: the object's kind, or a chevron for an action. */
export function KindGlyph({ kind }: { kind: SearchKind | 'action' }) {
  return <LineIcon>{(kind !== 'action' && GLYPHS[kind]) || <path d="M6 4l4 4-4 4" />}</LineIcon>;
}
