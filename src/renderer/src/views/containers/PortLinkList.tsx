import type { ReactNode } from 'react';
import type { PortLink } from '../../lib/port-links';

/**
 * Ports as links a browser opens (a normal <a target=_blank>, so Electron's window-open policy
 * and the browser both handle them), the unreachable ones greyed. `byAddress` shows a link as the
 * address it opens (the details page), else as the port mapping with the address as its tooltip.
 */
export function PortLinkList({
  links,
  byAddress = false,
  children,
}: {
  links: PortLink[];
  byAddress?: boolean;
  /** Controls after the links (forward buttons). */
  children?: ReactNode;
}) {
  return (
    <span className="port-links">
      {links.map((l) =>
        l.href ? (
          <a
            key={l.text}
            className="port-link mono"
            href={l.href}
            target="_blank"
            rel="noreferrer"
            title={byAddress ? undefined : l.title}
          >
            {byAddress ? l.href.replace(/^http:\/\//, '') : l.text}
          </a>
        ) : (
          <span key={l.text} className="port-link mono muted" title={l.title}>
            {l.text}
          </span>
        ),
      )}
      {children}
    </span>
  );
}
