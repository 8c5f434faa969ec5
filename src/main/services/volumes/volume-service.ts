import { volumeCreateBody } from '@shared/apilog/form-requests';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import type { CallParsed, Contract, DirectoryListing, VolumeSummary, VolumeUser } from '@shared/contract';
import { listArchiveDirectory } from '../archive/list-archive';
import { readDf } from '../system/disk-usage';
import { appError, engineStatus, engineText, nameList } from '../../engine/engine-error';
import { createVolumeHelper, helperPath, type HelperRegistry } from './volume-helper';

type Signal = { signal: AbortSignal };
type CreateInput = CallParsed<Contract['volumes']['create']>;

interface EngineVolume {
  Name: string;
  Driver?: string;
  Mountpoint?: string;
  Scope?: string;
  CreatedAt?: string;
  Labels?: Record<string, string> | null;
  Options?: Record<string, string> | null;
}

const containerName = (c: Docker.ContainerInfo) => (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, '');

/** Volume users per volume name, from ONE container listing's Mounts. */
function usersByVolume(containers: Docker.ContainerInfo[]): Map<string, VolumeUser[]> {
  const map = new Map<string, VolumeUser[]>();
  for (const c of containers) {
    for (const m of c.Mounts ?? []) {
      if (m.Type !== 'volume' || !m.Name) continue;
      const list = map.get(m.Name) ?? [];
      list.push({ id: c.Id, name: containerName(c), state: c.State });
      map.set(m.Name, list);
    }
  }
  return map;
}

/** Volume operations on one engine, including read-only browsing through a helper container. */
export function volumeService(docker: Docker, helpers: HelperRegistry) {
  /** A 404 from the archive endpoint is about the path, not the volume. */
  const archiveOf = async (
    container: Docker.Container,
    volume: string,
    path: string,
    signal: AbortSignal,
  ) => {
    try {
      return (await container.getArchive({ path: helperPath(path), abortSignal: signal })) as Readable;
    } catch (e) {
      if (engineStatus(e) === 404) {
        throw appError('NOT_FOUND', `There is nothing at ${path} in volume ${volume}.`, engineText(e));
      }
      throw e;
    }
  };

  return {
    async list({ signal }: Signal): Promise<VolumeSummary[]> {
      const [listed, df, containers] = await Promise.all([
        docker.listVolumes({ abortSignal: signal } as Docker.VolumeListOptions),
        // Sizes are a bonus: a slow or failing disk-usage request must not hide the volumes.
        readDf(docker, signal).catch((e: unknown) => {
          if (signal.aborted) throw e;
          return undefined;
        }),
        docker.listContainers({ all: true, abortSignal: signal } as Docker.ContainerListOptions),
      ]);
      const usage = new Map((df?.Volumes ?? []).map((v) => [v.Name, v.UsageData]));
      const users = usersByVolume(containers);
      return ((listed.Volumes ?? []) as EngineVolume[]).map((v) => {
        const u = usage.get(v.Name);
        const out: VolumeSummary = {
          name: v.Name,
          driver: v.Driver ?? '',
          mountpoint: v.Mountpoint ?? '',
          scope: v.Scope ?? '',
          labels: v.Labels ?? {},
          options: v.Options ?? {},
          // The engine reports -1 when it did not (or could not) measure.
          size: u && u.Size >= 0 ? u.Size : null,
          refCount: u && u.RefCount >= 0 ? u.RefCount : null,
          usedBy: (users.get(v.Name) ?? []).sort((a, b) => a.name.localeCompare(b.name)),
        };
        if (v.CreatedAt) out.created = v.CreatedAt;
        return out;
      });
    },

    async inspect(name: string, { signal }: Signal): Promise<Record<string, unknown>> {
      return (await docker.getVolume(name).inspect({ abortSignal: signal })) as unknown as Record<
        string,
        unknown
      >;
    },

    async create(input: CreateInput, { signal }: Signal): Promise<{ name: string }> {
      const volume = await docker.createVolume({
        ...volumeCreateBody(input),
        abortSignal: signal,
      } as Docker.VolumeCreateOptions);
      return { name: volume.name };
    },

    async remove(name: string, force: boolean, { signal }: Signal): Promise<void> {
      try {
        await docker.getVolume(name).remove({ force, abortSignal: signal });
      } catch (e) {
        if (engineStatus(e) !== 409) throw e;
        const users = await docker.listContainers({
          all: true,
          filters: { volume: [name] },
          abortSignal: signal,
        } as Docker.ContainerListOptions);
        const names = users.map(containerName).sort();
        const message = names.length
          ? `Volume ${name} is in use by ${nameList(names)}: remove ${names.length === 1 ? 'that container' : 'those containers'} first.`
          : `Volume ${name} is in use: ${engineText(e)}`;
        throw appError('CONFLICT', message, engineText(e));
      }
    },

    async browse(name: string, path: string, { signal }: Signal): Promise<DirectoryListing> {
      const helper = await createVolumeHelper(docker, name, signal, helpers);
      try {
        const archive = await archiveOf(helper.container, name, path, signal);
        const dir = await listArchiveDirectory(archive);
        if (dir.root && dir.root.type !== 'directory') {
          throw appError('INVALID_INPUT', `${path} in volume ${name} is a file, not a folder.`);
        }
        return { path, entries: dir.entries, truncated: dir.truncated };
      } finally {
        await helper.remove();
      }
    },

    /**
     * The tar archive of a path in the volume, with the function that removes the helper once the
     * caller is done with the stream (ended, failed or abandoned).
     */
    async openArchive(
      name: string,
      path: string,
      signal: AbortSignal,
    ): Promise<{ archive: Readable; release(): Promise<void> }> {
      const helper = await createVolumeHelper(docker, name, signal, helpers);
      try {
        const archive = await archiveOf(helper.container, name, path, signal);
        return { archive, release: () => helper.remove() };
      } catch (e) {
        await helper.remove();
        throw e;
      }
    },
  };
}
