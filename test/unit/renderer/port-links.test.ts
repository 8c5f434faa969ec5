import { describe, expect, it } from 'vitest';
import type { EndpointView } from '@shared/contract';
import { unreachablePorts } from '../../../src/renderer/src/lib/port-links';

const socket: EndpointView = { kind: 'socket', socketPath: '/var/run/docker.sock' };
const tls = { kind: 'tls', host: '10.123.0.2', port: 2376 } as EndpointView;

describe('unreachablePorts: what "Forward and open" offers', () => {
  it('offers exposed, unpublished TCP ports, not UDP ones', () => {
    const ports = [
      { privatePort: 80, type: 'tcp' },
      { privatePort: 53, type: 'udp' },
    ];
    expect(unreachablePorts(ports, socket)).toEqual([80]);
  });

  it("offers a port bound to a remote host's loopback, not one bound to the local loopback", () => {
    const ports = [{ privatePort: 5432, publicPort: 15432, ip: '127.0.0.1', type: 'tcp' }];
    expect(unreachablePorts(ports, tls)).toEqual([5432]);
    expect(unreachablePorts(ports, socket)).toEqual([]);
  });

  it('skips a port published on every address, even when also bound to loopback', () => {
    const ports = [
      { privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp' },
      { privatePort: 80, publicPort: 8081, ip: '127.0.0.1', type: 'tcp' },
      { privatePort: 9000, type: 'tcp' },
    ];
    expect(unreachablePorts(ports, tls)).toEqual([9000]);
  });
});
