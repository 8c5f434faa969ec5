import type { EndpointView, PortBinding } from '@shared/contract';
import { exposedPorts } from '../../lib/format';
import { guard } from '../../lib/policy';
import { portLinks, unreachablePorts } from '../../lib/port-links';
import { usePolicy } from '../../hooks/usePolicy';
import { useMobilityStore } from '../../stores/mobility';
import { PortLinkList } from './PortLinkList';

export interface ForwardTarget {
  hostId: string;
  containerId: string;
  name: string;
}

/** "Forward and open" for each port a browser cannot reach directly (views/mobility's dialog). */
function ForwardButtons({ ports, target }: { ports: number[]; target: ForwardTarget }) {
  const can = usePolicy(target.hostId);
  const verdict = can.allowed('mobility.forwardOpen');
  return (
    <>
      {ports.map((port) => (
        <button
          key={port}
          type="button"
          className="port-link port-forward mono link-button"
          aria-label={`Forward and open ${target.name}:${port}`}
          onClick={() =>
            useMobilityStore.getState().open({ kind: 'forward', ...target, port, openAfter: true })
          }
          {...guard(verdict, `Forward and open port ${port}: it is not reachable from here directly`)}
        >
          ↗{port}
        </button>
      ))}
    </>
  );
}

/**
 * Published ports as plain links (PortLinkList); exposed-only ports greyed out. With `forward`
 * (a running container), ports not reachable directly get a "Forward and open" button.
 */
export function PortLinks({
  ports,
  endpoint,
  forward,
}: {
  ports: PortBinding[];
  endpoint: EndpointView;
  forward?: ForwardTarget | undefined;
}) {
  const links = portLinks(ports, endpoint);
  const unreachable = forward ? unreachablePorts(ports, endpoint) : [];
  if (links.length === 0) {
    const exposed = exposedPorts(ports);
    if (unreachable.length > 0 && forward) {
      return (
        <span className="port-links" title={`Exposed, not published: ${exposed.join(', ')}`}>
          <ForwardButtons ports={unreachable} target={forward} />
        </span>
      );
    }
    return exposed.length > 0 ? (
      <span className="truncate mono muted" title={`Exposed, not published: ${exposed.join(', ')}`}>
        {exposed.join(', ')}
      </span>
    ) : (
      <span className="muted">—</span>
    );
  }
  return (
    <PortLinkList links={links}>
      {forward && unreachable.length > 0 && <ForwardButtons ports={unreachable} target={forward} />}
    </PortLinkList>
  );
}
