import type { EndpointView, PortBinding } from '@shared/contract';
import { exposedPorts } from '../../lib/format';
import { portLinks } from '../../lib/port-links';

/**
 * Published ports as plain links (a normal <a target=_blank>, so Electron's window-open policy and
 * the browser both handle them); exposed-only ports greyed out.
 */
export function PortLinks({ ports, endpoint }: { ports: PortBinding[]; endpoint: EndpointView }) {
  const links = portLinks(ports, endpoint);
  if (links.length === 0) {
    const exposed = exposedPorts(ports);
    return exposed.length > 0 ? (
      <span className="truncate mono muted" title={`Exposed, not published: ${exposed.join(', ')}`}>
        {exposed.join(', ')}
      </span>
    ) : (
      <span className="muted">—</span>
    );
  }
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
            title={l.title}
          >
            {l.text}
          </a>
        ) : (
          <span key={l.text} className="port-link mono muted" title={l.title}>
            {l.text}
          </span>
        ),
      )}
    </span>
  );
}
