import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import { AppError, type TaskView } from '@shared/contract';
import { byteCounter } from '../images/byte-counter';
import { humanBytes } from '../images/bytes';
import { engineStatus } from '../../engine/engine-error';
import type { TaskControl } from '../tasks/task-registry';
import { createVolumeHelper, MOUNT_POINT, type HelperRegistry } from '../volumes/volume-helper';
import type { MobilityDeps } from './mobility-deps';
import { pipeArchive } from './pipe-archive';

const progress = (ctl: TaskControl, verb: string, total: number | null) => (bytes: number) =>
  ctl.update({
    phase: `${verb}: ${humanBytes(bytes)}${total ? ` of ${humanBytes(total)}` : ''}`,
    progress: {
      fraction: total ? Math.min(0.99, bytes / total) : null,
      bytes,
      ...(total ? { totalBytes: total } : {}),
    },
  });

async function folderOf(file: string): Promise<void> {
  const dir = path.dirname(file);
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) {
    throw new AppError({
      code: 'NOT_FOUND',
      message: `The folder ${dir} does not exist on the machine running Berthmaster.`,
    });
  }
}

/** A volume's files into a tar on the backend's machine (written under a temp name, renamed at the end). */
export function startVolumeBackup(
  deps: MobilityDeps,
  helpers: HelperRegistry,
  req: { hostId: string; name: string; file: string; overwrite: boolean },
): TaskView {
  return deps.tasks.start(
    {
      kind: 'volume-backup',
      hostId: req.hostId,
      title: `Back up volume ${req.name} to ${path.basename(req.file)}`,
    },
    async (ctl) => {
      await folderOf(req.file);
      if (!req.overwrite && (await fs.stat(req.file).catch(() => undefined))) {
        throw new AppError({
          code: 'CONFLICT',
          message: `${req.file} already exists: choose another name or allow overwriting.`,
        });
      }
      const docker = await deps.docker(req.hostId);
      const helper = await createVolumeHelper(docker, req.name, ctl.signal, helpers);
      const tmp = `${req.file}.${randomBytes(4).toString('hex')}.part`;
      try {
        const archive = (await helper.container.getArchive({
          path: MOUNT_POINT,
          abortSignal: ctl.signal,
        } as object)) as Readable;
        const counter = byteCounter(progress(ctl, 'Backing up', null));
        await pipeline(archive, counter, createWriteStream(tmp, { flags: 'wx', mode: 0o600 }), {
          signal: ctl.signal,
        });
        await fs.rename(tmp, req.file);
        return { summary: `Backed up ${req.name} (${humanBytes(counter.bytes)}) to ${req.file}` };
      } catch (e) {
        await fs.rm(tmp, { force: true });
        throw e;
      } finally {
        await helper.remove();
      }
    },
  );
}

/**
 * Where a tar's entries land: a backup made here holds "volume/..." (the helper's mount point),
 * one made with `tar c -C /vol .` holds "./..." or plain names. Read from the first header.
 */
async function extractRoot(file: string): Promise<string> {
  const handle = await fs.open(file, 'r');
  try {
    const header = Buffer.alloc(100);
    await handle.read(header, 0, 100, 0);
    const first = header.toString('utf8').replace(/\0.*$/s, '');
    return first === 'volume' || first.startsWith('volume/') ? '/' : MOUNT_POINT;
  } finally {
    await handle.close();
  }
}

/** A tar from the backend's machine into a volume (created when missing, if asked). */
export function startVolumeRestore(
  deps: MobilityDeps,
  helpers: HelperRegistry,
  req: { hostId: string; name: string; file: string; create: boolean },
): TaskView {
  return deps.tasks.start(
    {
      kind: 'volume-restore',
      hostId: req.hostId,
      title: `Restore ${path.basename(req.file)} into volume ${req.name}`,
    },
    async (ctl) => {
      const stat = await fs.stat(req.file).catch(() => undefined);
      if (!stat?.isFile()) {
        throw new AppError({
          code: 'NOT_FOUND',
          message: `There is no file ${req.file} on the machine running Berthmaster.`,
        });
      }
      const docker = await deps.docker(req.hostId);
      let created = false;
      try {
        await docker.getVolume(req.name).inspect({ abortSignal: ctl.signal });
      } catch (e) {
        if (engineStatus(e) !== 404) throw e;
        if (!req.create) {
          throw new AppError({
            code: 'NOT_FOUND',
            message: `There is no volume ${req.name}: allow creating it, or pick an existing one.`,
          });
        }
        await (docker as Docker).createVolume({
          Name: req.name,
          abortSignal: ctl.signal,
        } as Docker.VolumeCreateOptions);
        created = true;
      }
      const helper = await createVolumeHelper(docker, req.name, ctl.signal, helpers, { writable: true });
      try {
        const root = await extractRoot(req.file);
        const counter = byteCounter(progress(ctl, 'Restoring', stat.size));
        await pipeArchive(createReadStream(req.file), counter, (body) =>
          helper.container.putArchive(body, { path: root, abortSignal: ctl.signal } as object),
        );
        return { summary: `Restored ${humanBytes(stat.size)} into ${req.name}` };
      } catch (e) {
        if (created)
          await docker
            .getVolume(req.name)
            .remove({ force: true } as object)
            .catch(() => undefined);
        throw e;
      } finally {
        await helper.remove();
      }
    },
  );
}
