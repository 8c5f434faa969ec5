import type { EndpointView } from '@shared/contract';
import { transportWarning } from '../lib/transport-warning';

/** The persistent warning about a host's transport, if any (sidebar row and host header). */
export function TransportBadge({ endpoint }: { endpoint: EndpointView }) {
  const warning = transportWarning(endpoint);
  if (warning === 'unencrypted') {
    return (
      <span
        className="badge badge-warn"
        title="Plain TCP: anyone on the network can read and drive this engine"
      >
        unencrypted
      </span>
    );
  }
  if (warning === 'tls-unverified') {
    return (
      <span
        className="badge badge-danger"
        title="TLS verification is turned off for this host: the server's identity is not checked"
      >
        TLS not verified
      </span>
    );
  }
  return null;
}
