import type Docker from 'dockerode';
import type { ContainerUpdateStatus } from '@shared/contract';
import { toAppError } from '../../errors/to-app-error';
import { classifyReference, digestsFor, looksLikeImageId } from './image-digests';

const PROJECT_LABEL = 'com.docker.compose.project';

/** One image reference on one host that the registry must be asked about. */
export interface RemoteQuestion {
  reference: string;
  registry: string;
  name: string;
}

/**
 * The containers of one host with everything that can be known without a registry: pinned,
 * local-only and deleted images are settled here; the others wait for their reference's digest.
 */
export interface HostScan {
  statuses: ContainerUpdateStatus[];
  /** Per status index: the question it waits on, and the digests its image is known by. */
  pending: Array<{ index: number; question: RemoteQuestion; localDigests: string[] }>;
  /** Distinct references to ask about (one call each). */
  questions: Map<string, RemoteQuestion>;
}

/** The image reference a listed container was made from (the list shows an id once the tag moved). */
async function configImage(docker: Docker, c: Docker.ContainerInfo, signal: AbortSignal): Promise<string> {
  if (!looksLikeImageId(c.Image)) return c.Image;
  const info = await docker.getContainer(c.Id).inspect({ abortSignal: signal });
  return info.Config?.Image ?? c.Image;
}

function baseStatus(hostId: string, c: Docker.ContainerInfo, image: string): ContainerUpdateStatus {
  const status: ContainerUpdateStatus = {
    hostId,
    containerId: c.Id,
    name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
    image,
    imageId: c.ImageID,
    state: 'unchecked',
  };
  const project = c.Labels?.[PROJECT_LABEL];
  if (project) status.project = project;
  return status;
}

interface ScannedContainer {
  status: ContainerUpdateStatus;
  pending?: { question: RemoteQuestion; localDigests: string[] };
}

async function scanContainer(
  docker: Docker,
  hostId: string,
  c: Docker.ContainerInfo,
  inspectImage: (id: string) => Promise<Docker.ImageInspectInfo | undefined>,
  signal: AbortSignal,
): Promise<ScannedContainer> {
  const image = await configImage(docker, c, signal);
  const status = baseStatus(hostId, c, image);
  const ref = classifyReference(image);
  if (ref.kind !== 'tag') {
    status.state = 'pinned';
    status.error = { code: 'INVALID_INPUT', message: ref.reason };
    return { status };
  }
  const info = await inspectImage(c.ImageID);
  if (!info) {
    status.state = 'image-missing';
    status.error = { code: 'NOT_FOUND', message: 'Its image was deleted from the host.' };
    return { status };
  }
  if ((info.RepoDigests ?? []).length === 0) {
    status.state = 'local-only';
    return { status };
  }
  const localDigests = digestsFor(info.RepoDigests, ref.ref.name);
  if (localDigests[0]) status.localDigest = localDigests[0];
  return {
    status,
    pending: {
      question: { reference: ref.reference, registry: ref.ref.registry, name: ref.ref.name },
      localDigests,
    },
  };
}

/** Lists a host's containers and reads its images' repo digests: one inspect per distinct image. */
export async function scanHost(docker: Docker, hostId: string, signal: AbortSignal): Promise<HostScan> {
  const list = await docker.listContainers({ all: true, abortSignal: signal } as Docker.ContainerListOptions);
  const images = new Map<string, Promise<Docker.ImageInspectInfo | undefined>>();
  const inspectImage = (id: string) => {
    let p = images.get(id);
    if (!p) {
      p = docker
        .getImage(id)
        .inspect({ abortSignal: signal } as Docker.ImageInspectOptions)
        .catch((e: unknown) => {
          if ((e as { statusCode?: number }).statusCode === 404) return undefined;
          throw e;
        });
      images.set(id, p);
    }
    return p;
  };
  const scan: HostScan = { statuses: [], pending: [], questions: new Map() };
  // One container's trouble (removed mid-scan, an image that cannot be read) stays on that
  // container: never a failure of the whole host.
  const statuses = await Promise.all(
    list.map(async (c) => {
      try {
        return await scanContainer(docker, hostId, c, inspectImage, signal);
      } catch (e) {
        if ((e as { statusCode?: number }).statusCode === 404) return undefined;
        if (signal.aborted) throw e;
        const status = baseStatus(hostId, c, c.Image);
        status.state = 'unknown';
        status.error = toAppError(e);
        return { status };
      }
    }),
  );
  for (const entry of statuses) {
    if (!entry) continue;
    const index = scan.statuses.push(entry.status) - 1;
    if (entry.pending) {
      scan.questions.set(entry.pending.question.reference, entry.pending.question);
      scan.pending.push({ index, ...entry.pending });
    }
  }
  return scan;
}

/** Whether the image a tag points to on the host now carries `digest` (the update was pulled already). */
export async function tagHasDigest(
  docker: Docker,
  reference: string,
  name: string,
  digest: string,
  signal: AbortSignal,
): Promise<boolean> {
  const info = await docker
    .getImage(reference)
    .inspect({ abortSignal: signal } as Docker.ImageInspectOptions)
    .catch(() => undefined);
  return digestsFor(info?.RepoDigests, name).includes(digest);
}
