import type Docker from 'dockerode';

/**
 * The running container on a host that already publishes a host port, if any: creating another
 * one that publishes it fails. An address of "any" on either side clashes with every address.
 */
export function portHolder(
  containers: Docker.ContainerInfo[],
  port: { hostPort: number; protocol: string; hostIp?: string | undefined },
): string | undefined {
  const holder = containers.find(
    (c) =>
      c.State === 'running' &&
      c.Ports.some(
        (q) =>
          q.PublicPort === port.hostPort &&
          q.Type === port.protocol &&
          (!port.hostIp || !q.IP || q.IP === port.hostIp || q.IP === '0.0.0.0' || q.IP === '::'),
      ),
  );
  return holder && (holder.Names[0] ?? holder.Id).replace(/^\//, '');
}
