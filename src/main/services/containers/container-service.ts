import type Docker from 'dockerode';
import type { ContainerState, ContainerSummary } from '@shared/contract';

type Signal = { signal: AbortSignal };

const STATES: readonly ContainerState[] = [
  'created',
  'running',
  'paused',
  'restarting',
  'removing',
  'exited',
  'dead',
];

function toSummary(c: Docker.ContainerInfo): ContainerSummary {
  const state = (STATES as readonly string[]).includes(c.State) ? (c.State as ContainerState) : 'dead';
  return {
    id: c.Id,
    name: (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
    image: c.Image,
    state,
    status: c.Status,
    ports: (c.Ports ?? []).map((p) => {
      const out: ContainerSummary['ports'][number] = { privatePort: p.PrivatePort, type: p.Type };
      if (p.IP) out.ip = p.IP;
      if (p.PublicPort) out.publicPort = p.PublicPort;
      return out;
    }),
    created: c.Created,
    labels: c.Labels ?? {},
  };
}

/** 304 "already started/stopped" is success for a user who wants that state. */
function ignoreNotModified(e: unknown): void {
  if ((e as { statusCode?: number }).statusCode === 304) return;
  throw e;
}

/** Container operations on one engine. Takes a dockerode client; knows nothing of transports. */
export function containerService(docker: Docker) {
  return {
    async list(all: boolean, { signal }: Signal): Promise<ContainerSummary[]> {
      const list = await docker.listContainers({ all, abortSignal: signal } as Docker.ContainerListOptions);
      return list.map(toSummary);
    },
    async start(id: string, { signal }: Signal): Promise<void> {
      await docker.getContainer(id).start({ abortSignal: signal }).catch(ignoreNotModified);
    },
    async stop(id: string, { signal }: Signal): Promise<void> {
      await docker.getContainer(id).stop({ abortSignal: signal }).catch(ignoreNotModified);
    },
    async restart(id: string, { signal }: Signal): Promise<void> {
      await docker.getContainer(id).restart({ abortSignal: signal });
    },
    async remove(id: string, force: boolean, { signal }: Signal): Promise<void> {
      await docker.getContainer(id).remove({ force, abortSignal: signal });
    },
  };
}
