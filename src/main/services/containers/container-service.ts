import type Docker from 'dockerode';
import type {
  ContainerFormOptions,
  ContainerInspectView,
  ContainerSignal,
  ContainerSummary,
  ContainerTop,
} from '@shared/contract';
import { engineStatus, engineText } from '../../engine/engine-error';
import { toInspectView } from './inspect-view';
import { toSummary } from './summary';

export type Signal = { signal: AbortSignal };

/** 304 "already started/stopped" is success for a user who wants that state. */
function ignoreNotModified(e: unknown): void {
  if (engineStatus(e) === 304) return;
  throw e;
}

/** Pausing a paused container (or unpausing a running one) is success too; the engine says 409. */
function ignoreAlready(pattern: RegExp) {
  return (e: unknown): void => {
    if (engineStatus(e) === 409 && pattern.test(engineText(e))) return;
    throw e;
  };
}

/** Container operations on one engine. Takes a dockerode client; knows nothing of transports. */
export function containerService(docker: Docker) {
  const c = (id: string) => docker.getContainer(id);
  return {
    /** `ids`: only these (full ids), the ones still there; a refresh after events needs no more. */
    async list(all: boolean, { signal }: Signal, ids?: string[]): Promise<ContainerSummary[]> {
      const opts = { all, abortSignal: signal, ...(ids ? { filters: { id: ids } } : {}) };
      const list = await docker.listContainers(opts as Docker.ContainerListOptions);
      return list.map(toSummary);
    },
    async start(id: string, { signal }: Signal): Promise<void> {
      await c(id).start({ abortSignal: signal }).catch(ignoreNotModified);
    },
    async stop(id: string, timeoutSec: number | undefined, { signal }: Signal): Promise<void> {
      const opts =
        timeoutSec === undefined ? { abortSignal: signal } : { t: timeoutSec, abortSignal: signal };
      await c(id).stop(opts).catch(ignoreNotModified);
    },
    async restart(id: string, timeoutSec: number | undefined, { signal }: Signal): Promise<void> {
      const opts =
        timeoutSec === undefined ? { abortSignal: signal } : { t: timeoutSec, abortSignal: signal };
      await c(id).restart(opts);
    },
    async pause(id: string, { signal }: Signal): Promise<void> {
      await c(id)
        .pause({ abortSignal: signal })
        .catch(ignoreAlready(/already paused/i));
    },
    async unpause(id: string, { signal }: Signal): Promise<void> {
      await c(id)
        .unpause({ abortSignal: signal })
        .catch(ignoreAlready(/is not paused/i));
    },
    async kill(id: string, sig: ContainerSignal, { signal }: Signal): Promise<void> {
      await c(id).kill({ signal: sig, abortSignal: signal });
    },
    async rename(id: string, name: string, { signal }: Signal): Promise<void> {
      await c(id).rename({ name, abortSignal: signal });
    },
    async remove(id: string, force: boolean, volumes: boolean, { signal }: Signal): Promise<void> {
      await c(id).remove({ force, v: volumes, abortSignal: signal });
    },
    async inspect(id: string, { signal }: Signal): Promise<ContainerInspectView> {
      return toInspectView(await c(id).inspect({ abortSignal: signal }));
    },
    async top(id: string, { signal }: Signal): Promise<ContainerTop> {
      const r = (await c(id).top({ abortSignal: signal })) as { Titles?: string[]; Processes?: string[][] };
      return { titles: r.Titles ?? [], processes: r.Processes ?? [] };
    },
    async formOptions({ signal }: Signal): Promise<ContainerFormOptions> {
      const [images, networks, volumes] = await Promise.all([
        docker.listImages({ abortSignal: signal } as Docker.ListImagesOptions),
        docker.listNetworks({ abortSignal: signal }),
        docker.listVolumes({ abortSignal: signal } as Parameters<Docker['listVolumes']>[0]),
      ]);
      const tags = new Set<string>();
      for (const img of images) for (const t of img.RepoTags ?? []) if (!t.includes('<none>')) tags.add(t);
      return {
        images: [...tags].sort(),
        networks: networks.map((n) => n.Name).sort(),
        volumes: (volumes.Volumes ?? []).map((v) => v.Name).sort(),
      };
    },
  };
}

export type ContainerService = ReturnType<typeof containerService>;
