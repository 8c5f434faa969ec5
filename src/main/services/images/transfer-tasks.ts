import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import { AppError, type TaskView } from '@shared/contract';
import { toAppError } from '../../errors/to-app-error';
import type { TaskControl } from '../tasks/task-registry';
import { byteCounter } from './byte-counter';
import { humanBytes } from './bytes';
import { engineStream } from '../../engine/request';
import type { ImageTaskDeps } from './image-task-deps';
import { readJsonLines } from '../../engine/progress-stream';

/**
 * The size of what `docker save` will write, estimated from the images' sizes (layers shared by
 * two images count once in the tar, so this can overshoot). Also proves the images exist before
 * any byte moves.
 */
async function estimateSize(docker: Docker, references: string[], signal: AbortSignal): Promise<number> {
  const seen = new Map<string, number>();
  for (const ref of references) {
    let info: Docker.ImageInspectInfo;
    try {
      info = (await docker
        .getImage(ref)
        .inspect({ abortSignal: signal } as object)) as Docker.ImageInspectInfo;
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode === 404) {
        throw new AppError({ code: 'NOT_FOUND', message: `There is no image ${ref} on the source engine.` });
      }
      throw e;
    }
    seen.set(info.Id, info.Size);
  }
  return [...seen.values()].reduce((a, b) => a + b, 0);
}

function reportBytes(ctl: TaskControl, verb: string, totalBytes: number) {
  return (bytes: number) =>
    ctl.update({
      phase: `${verb}: ${humanBytes(bytes)}${totalBytes ? ` of ≈${humanBytes(totalBytes)}` : ''}`,
      // An estimate: stay below 100 % until the engine confirms.
      progress: { fraction: totalBytes ? Math.min(0.99, bytes / totalBytes) : null, bytes, totalBytes },
    });
}

/** POST /images/load with `body` as the tar, then follows its answer: "Loaded image: x" lines, or an in-band error. */
async function loadImages(
  docker: Docker,
  body: Readable,
  quiet: boolean,
  ctl: TaskControl,
): Promise<string[]> {
  const res = await engineStream(docker, {
    path: '/images/load',
    method: 'POST',
    query: { quiet },
    body,
    signal: ctl.signal,
  });
  const loaded: string[] = [];
  let failure: AppError | undefined;
  await readJsonLines(res, (ev) => {
    if (ev.error || ev.errorDetail) {
      const message = (ev.errorDetail?.message ?? ev.error ?? 'unknown error').trim();
      ctl.output(`ERROR: ${message}`);
      failure ??= new AppError({
        code: 'ENGINE_ERROR',
        message: `The engine could not load the images: ${message}`,
      });
      return;
    }
    const text = (ev.stream ?? ev.status ?? '').trim();
    if (!text) return;
    ctl.output(text);
    const m = /^Loaded image(?: ID)?: (.+)$/.exec(text);
    if (m) loaded.push((m[1] as string).trim());
  });
  if (failure) throw failure;
  return loaded;
}

async function refuseExisting(file: string, overwrite: boolean): Promise<void> {
  const dir = path.dirname(file);
  let dirStat;
  try {
    dirStat = await fs.stat(dir);
  } catch {
    throw new AppError({
      code: 'NOT_FOUND',
      message: `The folder ${dir} does not exist on the machine running Berthmaster.`,
    });
  }
  if (!dirStat.isDirectory())
    throw new AppError({ code: 'INVALID_INPUT', message: `${dir} is not a folder.` });
  if (overwrite) return;
  try {
    await fs.access(file);
  } catch {
    return;
  }
  throw new AppError({
    code: 'CONFLICT',
    message: `${file} already exists: choose another name or allow overwriting.`,
  });
}

/** `docker save` into a file on the backend's machine, via a temp name renamed at the end. */
export function startSave(
  deps: ImageTaskDeps,
  hostId: string,
  references: string[],
  file: string,
  overwrite: boolean,
): TaskView {
  const what = references.length === 1 ? references[0] : `${references.length} images`;
  return deps.tasks.start(
    { kind: 'save', hostId, title: `Save ${what} to ${path.basename(file)}` },
    async (ctl) => {
      await refuseExisting(file, overwrite);
      const docker = await deps.docker(hostId);
      const total = await estimateSize(docker, references, ctl.signal);
      ctl.output(`Saving ${references.join(', ')} to ${file}`);
      const res = await engineStream(docker, {
        path: '/images/get',
        method: 'GET',
        query: { names: references },
        signal: ctl.signal,
      });
      const tmp = `${file}.${randomBytes(4).toString('hex')}.part`;
      const counter = byteCounter(reportBytes(ctl, 'Saving', total));
      try {
        await pipeline(res, counter, createWriteStream(tmp, { flags: 'wx' }), { signal: ctl.signal });
        await fs.rename(tmp, file);
      } catch (e) {
        await fs.rm(tmp, { force: true });
        throw e;
      }
      ctl.output(`Wrote ${humanBytes(counter.bytes)} to ${file}`);
      return { summary: `Saved ${humanBytes(counter.bytes)} to ${file}` };
    },
  );
}

/** `docker load` from a file on the backend's machine; progress is exact (the file's size). */
export function startLoad(deps: ImageTaskDeps, hostId: string, file: string): TaskView {
  return deps.tasks.start({ kind: 'load', hostId, title: `Load ${path.basename(file)}` }, async (ctl) => {
    let size: number;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) throw new AppError({ code: 'INVALID_INPUT', message: `${file} is not a file.` });
      size = stat.size;
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError({
        code: 'NOT_FOUND',
        message: `There is no file ${file} on the machine running Berthmaster.`,
      });
    }
    const docker = await deps.docker(hostId);
    const counter = byteCounter(reportBytes(ctl, 'Loading', size));
    const source = createReadStream(file);
    source.pipe(counter);
    source.once('error', (e) => counter.destroy(e));
    try {
      const loaded = await loadImages(docker, counter, false, ctl);
      return { summary: loaded.length ? `Loaded ${loaded.join(', ')}` : `Loaded ${path.basename(file)}` };
    } finally {
      source.destroy();
    }
  });
}

/**
 * Copies images between engines with no temp file: the tar of GET /images/get on the source is
 * the request body of POST /images/load on the target, byte for byte, with backpressure.
 */
export function startCopy(
  deps: ImageTaskDeps,
  hostId: string,
  targetHostId: string,
  references: string[],
): TaskView {
  if (hostId === targetHostId) {
    throw new AppError({ code: 'INVALID_INPUT', message: 'Choose another host to copy to.' });
  }
  const what = references.length === 1 ? references[0] : `${references.length} images`;
  const title = `Copy ${what} to ${deps.hostName(targetHostId)}`;
  return deps.tasks.start({ kind: 'copy', hostId, targetHostId, title }, async (ctl) => {
    const [src, dst] = await Promise.all([deps.docker(hostId), deps.docker(targetHostId)]);
    const total = await estimateSize(src, references, ctl.signal);
    ctl.output(
      `Streaming ${references.join(', ')} from ${deps.hostName(hostId)} to ${deps.hostName(targetHostId)}`,
    );
    const saved = await engineStream(src, {
      path: '/images/get',
      method: 'GET',
      query: { names: references },
      signal: ctl.signal,
    });
    const counter = byteCounter(reportBytes(ctl, 'Copying', total));
    saved.pipe(counter);
    // A source that dies mid-way must fail the upload, not leave a truncated tar "complete".
    saved.once('error', (e) => counter.destroy(e));
    saved.once('close', () => {
      if (!saved.readableEnded)
        counter.destroy(new Error(`${deps.hostName(hostId)} stopped sending the images.`));
    });
    try {
      // Quiet, as `docker load` asks when its output is not a terminal: the engine then skips a
      // progress message per chunk (the counter above reports progress); "Loaded image" stays.
      const loaded = await loadImages(dst, counter, true, ctl);
      ctl.output(`Copied ${humanBytes(counter.bytes)}`);
      return { summary: `Copied ${loaded.length ? loaded.join(', ') : what} (${humanBytes(counter.bytes)})` };
    } catch (e) {
      if (ctl.signal.aborted) throw e;
      const shape = toAppError(e);
      throw new AppError({
        ...shape,
        message: `Copy to ${deps.hostName(targetHostId)} failed: ${shape.message}`,
      });
    } finally {
      saved.destroy();
    }
  });
}
