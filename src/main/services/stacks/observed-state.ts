import type Docker from 'dockerode';
import { L } from './labels';

/** One container of a project, as the plan needs it. */
export interface ObservedContainer {
  id: string;
  name: string;
  service: string;
  number: number;
  oneoff: boolean;
  state: string;
  labels: Record<string, string>;
  /** The image id it runs. */
  imageId: string;
}

/** What is on the host now: the plan's other input. */
export interface ObservedState {
  containers: ObservedContainer[];
  networks: Set<string>;
  volumes: Set<string>;
  /** Image reference → local image id (absent: not on the host). */
  images: Map<string, string>;
  /** Published host ports of containers outside the project: "0.0.0.0:8080/tcp" → container name. */
  portsInUse: Map<string, string>;
}

const names = (c: Docker.ContainerInfo) => (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, '');

/** Reads the project's containers, networks and volumes, the images the file names, and ports taken by others. */
export async function observe(
  docker: Docker,
  project: string,
  images: string[],
  signal: AbortSignal,
): Promise<ObservedState> {
  const [all, networks, volumes] = await Promise.all([
    docker.listContainers({ all: true, abortSignal: signal } as Docker.ContainerListOptions),
    docker.listNetworks({ abortSignal: signal } as object) as Promise<Docker.NetworkInspectInfo[]>,
    docker.listVolumes({ abortSignal: signal } as object) as Promise<
      Docker.VolumeInspectInfo[] | { Volumes: Docker.VolumeInspectInfo[] }
    >,
  ]);
  const containers: ObservedContainer[] = [];
  const portsInUse = new Map<string, string>();
  for (const c of all) {
    const labels = c.Labels ?? {};
    if (labels[L.project] === project) {
      containers.push({
        id: c.Id,
        name: names(c),
        service: labels[L.service] ?? '',
        number: Number(labels[L.number] ?? '1'),
        oneoff: labels[L.oneoff] === 'True',
        state: c.State,
        labels,
        imageId: c.ImageID,
      });
    } else if (c.State === 'running') {
      for (const p of c.Ports ?? []) {
        if (p.PublicPort) portsInUse.set(`${p.IP ?? '0.0.0.0'}:${p.PublicPort}/${p.Type}`, names(c));
      }
    }
  }
  const imageIds = new Map<string, string>();
  await Promise.all(
    [...new Set(images)].map(async (ref) => {
      try {
        const info = (await docker
          .getImage(ref)
          .inspect({ abortSignal: signal } as object)) as Docker.ImageInspectInfo;
        imageIds.set(ref, info.Id);
      } catch {
        // Not on the host: the plan pulls or builds it.
      }
    }),
  );
  const vols = Array.isArray(volumes) ? volumes : (volumes.Volumes ?? []);
  return {
    containers,
    networks: new Set(networks.map((n) => n.Name)),
    volumes: new Set(vols.map((v) => v.Name)),
    images: imageIds,
    portsInUse,
  };
}
