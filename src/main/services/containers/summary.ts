import type Docker from 'dockerode';
import type { ContainerHealth, ContainerState, ContainerSummary } from '@shared/contract';

const STATES: readonly ContainerState[] = [
  'created',
  'running',
  'paused',
  'restarting',
  'removing',
  'exited',
  'dead',
];

export function toState(s: string | undefined): ContainerState {
  return (STATES as readonly string[]).includes(s ?? '') ? (s as ContainerState) : 'dead';
}

/** The list endpoint has no health field; its Status text ends in "(healthy)", "(health: starting)"... */
export function healthFromStatus(status: string): ContainerHealth | undefined {
  // Plain searches: this runs for every container of every list.
  if (status.includes('(healthy)')) return 'healthy';
  if (status.includes('(unhealthy)')) return 'unhealthy';
  if (status.includes('(health: starting)')) return 'starting';
  return undefined;
}

const withoutSlash = (name: string) => (name.startsWith('/') ? name.slice(1) : name);

export function toSummary(c: Docker.ContainerInfo): ContainerSummary {
  const out: ContainerSummary = {
    id: c.Id,
    name: withoutSlash(c.Names[0] ?? c.Id.slice(0, 12)),
    image: c.Image,
    state: toState(c.State),
    status: c.Status,
    ports: (c.Ports ?? []).map((p) => {
      const port: ContainerSummary['ports'][number] = { privatePort: p.PrivatePort, type: p.Type };
      if (p.IP) port.ip = p.IP;
      if (p.PublicPort) port.publicPort = p.PublicPort;
      return port;
    }),
    created: c.Created,
    labels: c.Labels ?? {},
  };
  const health = healthFromStatus(c.Status);
  if (health) out.health = health;
  return out;
}
