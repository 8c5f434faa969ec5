import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import { LEGACY_LABEL_PREFIX } from '../../legacy/old-names';
import { appError } from '../../engine/engine-error';

export const HELPER_LABEL = 'berthmaster.helper';
export const HELPER_KIND = 'volume-browse';
/** Helpers made before the rename carry the old label; they are swept all the same. */
const HELPER_LABELS = [HELPER_LABEL, `${LEGACY_LABEL_PREFIX}helper`];
/** Where the volume is mounted (read-only) in the helper container. */
export const MOUNT_POINT = '/volume';
/** Helpers older than this are leftovers of a crash and are swept on the next browse. */
const STALE_AFTER_S = 60 * 60;
/** Removal must not depend on the caller's signal: it runs precisely when that signal fired. */
const REMOVE_TIMEOUT_MS = 30_000;

export interface VolumeHelper {
  container: Docker.Container;
  /** Removes the helper; safe to call many times and never throws. */
  remove(): Promise<void>;
}

/** Helpers still alive in this process, removed at shutdown. */
export type HelperRegistry = Set<VolumeHelper>;

/** The smallest image on the host: any image will do, because the helper is never started. */
export async function pickImage(docker: Docker, signal: AbortSignal): Promise<string> {
  const images = await docker.listImages({ abortSignal: signal } as Docker.ListImagesOptions);
  const smallest = [...images].sort((a, b) => a.Size - b.Size)[0];
  if (!smallest) {
    throw appError(
      'NOT_FOUND',
      'This host has no images at all. Browsing a volume mounts it into a short-lived helper container, which needs an image to be created from: pull any small image (e.g. busybox) and try again.',
    );
  }
  return smallest.Id;
}

/** When each engine was last swept: once every few minutes is plenty for crash leftovers. */
const lastSweep = new WeakMap<Docker, number>();
const SWEEP_EVERY_MS = 10 * 60 * 1000;

/** Every volume helper on the engine, made by this version or by the app under its old name. */
export async function listHelperContainers(docker: Docker, signal: AbortSignal) {
  // Label filters AND together, so each label is its own query.
  const lists = await Promise.all(
    HELPER_LABELS.map((label) =>
      docker.listContainers({
        all: true,
        filters: { label: [`${label}=${HELPER_KIND}`] },
        abortSignal: signal,
      } as Docker.ContainerListOptions),
    ),
  );
  return lists.flat();
}

async function sweepStale(docker: Docker, signal: AbortSignal): Promise<void> {
  if (Date.now() - (lastSweep.get(docker) ?? 0) < SWEEP_EVERY_MS) return;
  lastSweep.set(docker, Date.now());
  const old = await listHelperContainers(docker, signal);
  const cutoff = Date.now() / 1000 - STALE_AFTER_S;
  await Promise.all(
    old
      .filter((c) => c.Created < cutoff)
      .map((c) =>
        docker
          .getContainer(c.Id)
          .remove({ force: true, abortSignal: AbortSignal.timeout(REMOVE_TIMEOUT_MS) })
          .catch(() => undefined),
      ),
  );
}

/**
 * Creates (never starts) a container with the volume mounted at /volume (read-only unless asked),
 * so the engine's archive endpoints can read or write the volume's files without any shell or
 * tool in the image. The caller
 * must call remove(), in a finally and when its subscriber goes away.
 */
export interface VolumeHelperOptions {
  /** Mount the volume writable (a copy or restore writes into it); read-only by default. */
  writable?: boolean;
}

export async function createVolumeHelper(
  docker: Docker,
  volume: string,
  signal: AbortSignal,
  registry: HelperRegistry,
  options: VolumeHelperOptions = {},
): Promise<VolumeHelper> {
  // A volume mount of a missing volume would create it: make sure it exists first.
  await docker.getVolume(volume).inspect({ abortSignal: signal });
  await sweepStale(docker, signal);
  const image = await pickImage(docker, signal);
  signal.throwIfAborted();
  // Not the caller's signal: a create aborted half-way could leave a container we never learn of.
  const container = await docker.createContainer({
    name: `berthmaster-volume-browse-${randomBytes(5).toString('hex')}`,
    Image: image,
    // Never run; an entrypoint only makes create accept images that have no command.
    Entrypoint: ['/berthmaster-helper-never-started'],
    Cmd: [],
    Labels: { [HELPER_LABEL]: HELPER_KIND, [`${HELPER_LABEL}.volume`]: volume },
    NetworkDisabled: true,
    HostConfig: {
      NetworkMode: 'none',
      Mounts: [
        {
          Type: 'volume',
          Source: volume,
          Target: MOUNT_POINT,
          ReadOnly: !options.writable,
          VolumeOptions: { NoCopy: true },
        },
      ],
    },
    abortSignal: AbortSignal.timeout(REMOVE_TIMEOUT_MS),
  } as unknown as Docker.ContainerCreateOptions);

  let removing: Promise<void> | undefined;
  const helper: VolumeHelper = {
    container,
    remove() {
      removing ??= container
        .remove({ force: true, abortSignal: AbortSignal.timeout(REMOVE_TIMEOUT_MS) })
        .then(
          () => undefined,
          () => undefined,
        )
        .finally(() => registry.delete(helper));
      return removing;
    },
  };
  registry.add(helper);
  if (signal.aborted) {
    await helper.remove();
    signal.throwIfAborted();
  }
  return helper;
}

/** The helper's path for a path inside the volume ("/" is the volume's root). */
export function helperPath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed ? `${MOUNT_POINT}${trimmed}` : MOUNT_POINT;
}
