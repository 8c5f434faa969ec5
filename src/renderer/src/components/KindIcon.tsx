import type { ReactNode } from 'react';
import type { EndpointKind } from '@shared/contract';
import { LineIcon } from './ui/LineIcon';

const GLYPHS: Record<EndpointKind, ReactNode> = {
  socket: <path d="M5.5 2v3M10.5 2v3M3.5 5h9v2.5a4.5 4.5 0 0 1-9 0zM8 12v2" />,
  tls: (
    <>
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </>
  ),
  ssh: (
    <>
      <rect x="1.75" y="2.75" width="12.5" height="10.5" rx="1.5" />
      <path d="M4.5 6.5l2 1.5-2 1.5M8 10h3" />
    </>
  ),
  tcp: (
    <>
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 4.9-.7" />
    </>
  ),
};

/** Small glyph per connection kind: socket, TLS (lock), SSH (prompt), TCP (open lock). */
export function KindIcon({ kind }: { kind: EndpointKind }) {
  return (
    <LineIcon size={12} strokeWidth={1.5}>
      {GLYPHS[kind]}
    </LineIcon>
  );
}
