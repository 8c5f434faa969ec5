import type Docker from 'dockerode';
import { AppError, type TransferProblem } from '@shared/contract';
import { toAppError } from '../../errors/to-app-error';
import { humanBytes } from '../images/bytes';
import type { TaskControl } from '../tasks/task-registry';
import type { HelperRegistry } from '../volumes/volume-helper';
import { engineStatus } from '../../engine/engine-error';
import { copyVolumeData, volumeExists, volumeSize } from './volume-copy';

/** The steps a container move and a project move share. */

/** Whether the target already has the image, by id (whatever its tags there). */
export async function imageOnTarget(dst: Docker, imageId: string, signal: AbortSignal): Promise<boolean> {
  return dst
    .getImage(imageId)
    .inspect({ abortSignal: signal } as object)
    .then(
      () => true,
      (e: unknown) => {
        if (engineStatus(e) === 404) return false;
        throw e;
      },
    );
}

/**
 * A named volume to copy: its size on the source and whether the target has one of that name
 * already, which blocks (`field` names it in the problem).
 */
export async function volumeToCopy(
  c: { src: Docker; dst: Docker; target: string; signal: AbortSignal },
  name: string,
  field: string,
  problems: TransferProblem[],
): Promise<{ name: string; size: number | null; onTarget: boolean }> {
  const onTarget = await volumeExists(c.dst, name, c.signal);
  if (onTarget) {
    problems.push({
      field,
      blocking: true,
      message: `${c.target} already has a volume named ${name}: remove or rename it there first.`,
    });
  }
  return { name, size: await volumeSize(c.src, name, c.signal), onTarget };
}

export function requireOtherHost(req: { hostId: string; targetHostId: string }): void {
  if (req.hostId === req.targetHostId) {
    throw new AppError({ code: 'INVALID_INPUT', message: 'Choose another host to move or clone to.' });
  }
}

/** A blocking problem stops the transfer before anything happens; the others go to the output. */
export function refuseOrNote(
  ctl: TaskControl,
  problems: TransferProblem[],
  verb: string,
  target: string,
): void {
  const blocking = problems.filter((x) => x.blocking);
  if (blocking.length) {
    throw new AppError({
      code: 'CONFLICT',
      message: `${verb} to ${target} cannot start: ${blocking.map((b) => b.message).join(' ')}`,
    });
  }
  for (const w of problems) ctl.output(`Note: ${w.message}`);
}

/** Copies volumes under their own names, recording each one made (for the undo). */
export async function copyVolumes(
  ctl: TaskControl,
  helpers: HelperRegistry,
  c: {
    src: Docker;
    dst: Docker;
    source: string;
    target: string;
    volumes: Array<{ name: string; size: number | null; labels?: Record<string, string> }>;
    made: string[];
  },
): Promise<void> {
  for (const v of c.volumes) {
    ctl.output(`Copying volume ${v.name}${v.size !== null ? ` (≈${humanBytes(v.size)})` : ''}`);
    await copyVolumeData(ctl, helpers, {
      src: c.src,
      dst: c.dst,
      srcName: v.name,
      dstName: v.name,
      size: v.size,
      origin: `${c.source}/${v.name}`,
      keepPartial: false,
      targetLabel: c.target,
      ...(v.labels ? { labels: v.labels } : {}),
    });
    c.made.push(v.name);
  }
}

/** Removes the volumes a failed transfer copied to the target. */
export async function removeCopiedVolumes(ctl: TaskControl, dst: Docker, names: string[], target: string) {
  const signal = AbortSignal.timeout(30_000);
  for (const v of names) {
    await dst
      .getVolume(v)
      .remove({ force: true, abortSignal: signal } as object)
      .then(
        () => ctl.output(`Removed the copied volume ${v} from ${target}`),
        () => ctl.output(`Could not remove the copied volume ${v} from ${target}: remove it by hand`),
      );
  }
}

export function transferSummary(mode: 'move' | 'clone', what: string, target: string, volumes: number) {
  return `${mode === 'move' ? 'Moved' : 'Cloned'} ${what} to ${target}${volumes ? ` with ${volumes} volume${volumes === 1 ? '' : 's'}` : ''}`;
}

/** The error a failed transfer ends with (a cancel stays a cancel). */
export function transferFailed(ctl: TaskControl, e: unknown, verb: string, target: string): never {
  if (ctl.signal.aborted) throw e;
  const shape = toAppError(e);
  throw new AppError({ ...shape, message: `${verb} to ${target} failed: ${shape.message}` });
}
