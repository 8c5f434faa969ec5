import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { AppError, type TaskView, type VolumeCopyPreflight } from '@shared/contract';
import { toAppError } from '../../errors/to-app-error';
import { byteCounter } from '../images/byte-counter';
import { humanBytes } from '../images/bytes';
import { readDf } from '../system/disk-usage';
import { engineStatus, engineText } from '../../engine/engine-error';
import type { TaskControl } from '../tasks/task-registry';
import { createVolumeHelper, pickImage, type HelperRegistry } from '../volumes/volume-helper';
import { ensureSomeImage } from './image-copy';
import type { MobilityDeps } from './mobility-deps';
import { pipeArchive } from './pipe-archive';
import { timedCall } from '../../engine/timed-call';

export interface VolumeCopyRequest {
  hostId: string;
  name: string;
  targetHostId: string;
  targetName: string;
  /** Stop the running containers that use the volume for the copy, and start them after. */
  stopUsers: boolean;
  /** After a failure or cancel, keep what was copied instead of removing the new volume. */
  keepPartial: boolean;
}

/** Running containers that mount a volume: copying under them gives an inconsistent copy. */
export async function runningUsers(docker: Docker, volume: string, signal: AbortSignal) {
  const list = await docker.listContainers({
    filters: { volume: [volume], status: ['running'] },
    abortSignal: signal,
  } as Docker.ContainerListOptions);
  return list.map((c) => ({ id: c.Id, name: (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, '') }));
}

export async function volumeExists(docker: Docker, name: string, signal: AbortSignal): Promise<boolean> {
  try {
    await docker.getVolume(name).inspect({ abortSignal: signal });
    return true;
  } catch (e) {
    if (engineStatus(e) === 404) return false;
    throw e;
  }
}

export async function volumeSize(docker: Docker, name: string, signal: AbortSignal): Promise<number | null> {
  const df = await readDf(docker, signal).catch(() => undefined);
  const size = df?.Volumes?.find((v) => v.Name === name)?.UsageData?.Size;
  return typeof size === 'number' && size >= 0 ? size : null;
}

/** What the copy dialog shows before anything moves: size, users, and whether the name is free. */
export async function volumeCopyPreflight(
  deps: MobilityDeps,
  req: Pick<VolumeCopyRequest, 'hostId' | 'name' | 'targetHostId' | 'targetName'>,
  signal: AbortSignal,
): Promise<VolumeCopyPreflight> {
  const [src, dst] = await Promise.all([deps.docker(req.hostId), deps.docker(req.targetHostId)]);
  if (!(await volumeExists(src, req.name, signal))) {
    throw new AppError({
      code: 'NOT_FOUND',
      message: `There is no volume ${req.name} on ${deps.hostName(req.hostId)}.`,
    });
  }
  const [size, users, taken] = await Promise.all([
    volumeSize(src, req.name, signal),
    runningUsers(src, req.name, signal),
    volumeExists(dst, req.targetName, signal),
  ]);
  return { size, runningUsers: users, targetNameTaken: taken };
}

function reporter(ctl: TaskControl, total: number | null) {
  return (bytes: number) =>
    ctl.update({
      phase: `Copying: ${humanBytes(bytes)}${total ? ` of ≈${humanBytes(total)}` : ''}`,
      progress: {
        fraction: total ? Math.min(0.99, bytes / total) : null,
        bytes,
        ...(total ? { totalBytes: total } : {}),
      },
    });
}

export interface VolumeDataCopy {
  src: Docker;
  dst: Docker;
  srcName: string;
  dstName: string;
  size: number | null;
  /** "host-a/vol", recorded as a label on the new volume. */
  origin: string;
  /** After a failure or cancel, keep what was copied instead of removing the new volume. */
  keepPartial: boolean;
  targetLabel: string;
  /** Labels the new volume carries besides its origin (a compose project's, for a stack). */
  labels?: Record<string, string>;
}

/**
 * Copies a volume's files engine to engine: GET /containers/{helper}/archive on the source
 * streams straight into PUT /containers/{helper}/archive on the target, through two
 * never-started helper containers, with no temp file and backpressure end to end. The new
 * volume is made here and removed again when the copy fails or is cancelled, unless asked to
 * keep it; either way the task output says what is left.
 */
export async function copyVolumeData(
  ctl: TaskControl,
  helpers: HelperRegistry,
  c: VolumeDataCopy,
): Promise<number> {
  const { signal } = ctl;
  let created = false;
  let copied = 0;
  const partialNote = (removed: boolean) =>
    removed
      ? `The partial volume ${c.dstName} was removed from ${c.targetLabel}.`
      : `The partial volume ${c.dstName} is still on ${c.targetLabel} (${humanBytes(copied)} copied).`;
  const source = await createVolumeHelper(c.src, c.srcName, signal, helpers);
  try {
    // The target's helper needs an image; an empty engine gets the source's smallest one.
    await pickImage(c.dst, signal).catch(async (e: unknown) => {
      if ((e as AppError).code !== 'NOT_FOUND') throw e;
      ctl.output(`${c.targetLabel} has no images: copying one for the helper container`);
      await ensureSomeImage(c.src, c.dst, signal);
    });
    await timedCall(
      `Creating volume ${c.dstName} on ${c.targetLabel}`,
      (s) =>
        c.dst.createVolume({
          Name: c.dstName,
          Labels: { ...c.labels, 'berthmaster.copied-from': c.origin },
          abortSignal: s,
        } as Docker.VolumeCreateOptions),
      // Made after it was given up: it is no one's, so it goes.
      {
        signal,
        late: () =>
          void c.dst
            .getVolume(c.dstName)
            .remove()
            .catch(() => undefined),
      },
    );
    created = true;
    const target = await createVolumeHelper(c.dst, c.dstName, signal, helpers, { writable: true });
    try {
      // The call ends when the engine starts sending; the transfer itself runs as long as it needs.
      const archive = await timedCall(
        `Reading ${c.srcName}`,
        async (s) => {
          const body = (await source.container.getArchive({
            path: '/volume',
            abortSignal: s,
          } as object)) as Readable;
          signal.addEventListener(
            'abort',
            () => body.destroy(new AppError({ code: 'CANCELLED', message: 'The copy was cancelled.' })),
            { once: true },
          );
          return body;
        },
        { signal, late: (body) => body.destroy() },
      );
      const counter = byteCounter(reporter(ctl, c.size));
      await pipeArchive(archive, counter, (body) =>
        target.container.putArchive(body, { path: '/', abortSignal: signal } as object),
      );
      copied = counter.bytes;
      return counter.bytes;
    } finally {
      await target.remove();
    }
  } catch (e) {
    if (created && !c.keepPartial) {
      const removed = await c.dst
        .getVolume(c.dstName)
        .remove({ force: true, abortSignal: AbortSignal.timeout(30_000) } as object)
        .then(
          () => true,
          () => false,
        );
      ctl.output(partialNote(removed));
      if (!removed) {
        const shape = toAppError(e);
        throw new AppError({
          ...shape,
          message: `${shape.message} ${partialNote(false)} Remove it by hand.`,
        });
      }
    } else if (created) {
      ctl.output(partialNote(false));
    }
    throw e;
  } finally {
    await source.remove();
  }
}

/** Stops running containers (for a consistent copy) and returns the function that starts them again. */
export async function pauseUsers(
  ctl: TaskControl,
  docker: Docker,
  users: Array<{ id: string; name: string }>,
): Promise<() => Promise<void>> {
  const stopped: Array<{ id: string; name: string }> = [];
  for (const u of users) {
    ctl.output(`Stopping ${u.name} for a consistent copy`);
    await docker.getContainer(u.id).stop({ abortSignal: ctl.signal } as object);
    stopped.push(u);
  }
  return async () => {
    for (const u of stopped) {
      await docker
        .getContainer(u.id)
        .start({ abortSignal: AbortSignal.timeout(30_000) } as object)
        .then(
          () => ctl.output(`Started ${u.name} again`),
          (e: unknown) => ctl.output(`Could not start ${u.name} again: ${engineText(e)}`),
        );
    }
  };
}

/** The volume copy task (the dialog's Copy button). */
export function startVolumeCopy(
  deps: MobilityDeps,
  helpers: HelperRegistry,
  req: VolumeCopyRequest,
): TaskView {
  if (req.hostId === req.targetHostId && req.name === req.targetName) {
    throw new AppError({ code: 'INVALID_INPUT', message: 'Choose another host or another name to copy to.' });
  }
  const targetLabel = deps.hostName(req.targetHostId);
  const title = `Copy volume ${req.name} to ${targetLabel}${req.targetName !== req.name ? ` as ${req.targetName}` : ''}`;
  return deps.tasks.start(
    { kind: 'volume-copy', hostId: req.hostId, targetHostId: req.targetHostId, title },
    async (ctl) => {
      const [src, dst] = await Promise.all([deps.docker(req.hostId), deps.docker(req.targetHostId)]);
      const pre = await volumeCopyPreflight(deps, req, ctl.signal);
      if (pre.targetNameTaken) {
        throw new AppError({
          code: 'CONFLICT',
          message: `${targetLabel} already has a volume named ${req.targetName}: choose another name.`,
        });
      }
      let restart = async () => undefined as void;
      if (pre.runningUsers.length && req.stopUsers) restart = await pauseUsers(ctl, src, pre.runningUsers);
      else if (pre.runningUsers.length) {
        ctl.output(
          `Warning: ${pre.runningUsers.map((u) => u.name).join(', ')} kept running: files changing during the copy may be inconsistent.`,
        );
      }
      try {
        ctl.output(
          `Streaming ${req.name}${pre.size !== null ? ` (≈${humanBytes(pre.size)})` : ''} from ${deps.hostName(req.hostId)} to ${targetLabel}`,
        );
        const bytes = await copyVolumeData(ctl, helpers, {
          src,
          dst,
          srcName: req.name,
          dstName: req.targetName,
          size: pre.size,
          origin: `${deps.hostName(req.hostId)}/${req.name}`,
          keepPartial: req.keepPartial,
          targetLabel,
        });
        ctl.output(`Copied ${humanBytes(bytes)}`);
        return {
          summary: `Copied ${req.name} to ${targetLabel} as ${req.targetName} (${humanBytes(bytes)})`,
        };
      } catch (e) {
        if (ctl.signal.aborted) throw e;
        const shape = toAppError(e);
        throw new AppError({ ...shape, message: `Copy of ${req.name} failed: ${shape.message}` });
      } finally {
        await restart();
      }
    },
  );
}
