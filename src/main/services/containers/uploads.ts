import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import { pack } from 'tar-stream';
import { AppError, type AppErrorShape } from '@shared/contract';
import type { SessionHosts } from '../../security/session-hosts';
import type { Signal } from './container-service';
import { normalizeDir, statPath } from './files';

/** An upload nobody sends to for this long is abandoned (tab closed mid-way) and dropped. */
export const UPLOAD_IDLE_MS = 60_000;

/** The default of the "Upload limit" setting (maxUploadMiB). */
export const DEFAULT_UPLOAD_LIMIT = 4096 * 1024 * 1024;

function formatBytes(n: number): string {
  if (n >= 1024 ** 4) return `${(n / 1024 ** 4).toFixed(1)} TiB`;
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${n} bytes`;
}

interface PendingFile {
  name: string;
  size: number;
}

/**
 * One upload. Chunks are staged in a temporary file, and the container is only written once every
 * byte has arrived: an upload that is cancelled or cut off leaves no half-written file behind
 * (the engine unpacks as it reads, it cannot roll back). Nothing is held in memory whole.
 */
class Upload {
  readonly total: number;
  private received = 0;
  private readonly out: WriteStream;
  private idle: ReturnType<typeof setTimeout> | undefined;
  /** Chunks are applied one at a time, in the order they were sent. */
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly docker: Docker,
    private readonly containerId: string,
    private readonly dir: string,
    private readonly files: PendingFile[],
    private readonly staging: string,
    private readonly onIdle: () => void,
  ) {
    this.total = files.reduce((n, f) => n + f.size, 0);
    this.out = createWriteStream(path.join(staging, 'data'));
    this.out.on('error', () => undefined);
    this.touch();
  }

  private touch() {
    clearTimeout(this.idle);
    this.idle = setTimeout(this.onIdle, UPLOAD_IDLE_MS);
  }

  chunk(bytes: Uint8Array): Promise<void> {
    this.touch();
    const run = async () => {
      if (this.received + bytes.byteLength > this.total) {
        throw new AppError({
          code: 'INVALID_INPUT',
          message: 'More bytes were sent than the files announced.',
        });
      }
      this.received += bytes.byteLength;
      if (!this.out.write(bytes)) await new Promise<void>((r) => this.out.once('drain', () => r()));
    };
    const p = this.queue.then(run);
    this.queue = p.catch(() => undefined);
    return p;
  }

  /** Sends the staged files to the engine as one tar archive. */
  async finish(): Promise<void> {
    await this.queue;
    clearTimeout(this.idle);
    if (this.received !== this.total) {
      throw new AppError({
        code: 'INVALID_INPUT',
        message: 'The upload ended before all file bytes arrived.',
      });
    }
    await new Promise<void>((resolve, reject) =>
      this.out.end((e?: Error | null) => (e ? reject(e) : resolve())),
    );
    const tar = pack();
    const abort = new AbortController();
    const request = this.docker
      .getContainer(this.containerId)
      .putArchive(tar as unknown as Readable, { path: this.dir, abortSignal: abort.signal });
    const feed = (async () => {
      let offset = 0;
      const mtime = new Date();
      for (const f of this.files) {
        const entry = tar.entry({ name: f.name, size: f.size, mode: 0o644, mtime, type: 'file' });
        if (f.size > 0) {
          const src = createReadStream(path.join(this.staging, 'data'), {
            start: offset,
            end: offset + f.size - 1,
          });
          await pipeline(src, entry as unknown as NodeJS.WritableStream);
        } else {
          entry.end(undefined);
        }
        offset += f.size;
      }
      tar.finalize();
    })();
    try {
      await Promise.all([request, feed]);
    } catch (e) {
      abort.abort();
      tar.destroy();
      throw e;
    }
  }

  async dispose(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.idle);
    this.out.destroy();
    await fs.rm(this.staging, { recursive: true, force: true });
  }
}

/** Uploads in progress, by id. Ids are random: only the renderer that started one knows it. */
export class UploadRegistry {
  private readonly uploads = new Map<string, Upload>();
  private readonly unbinds = new Map<string, () => void>();
  /** Why recently ended uploads ended (a policy change), told to the next call that names one. */
  private readonly endedReasons = new Map<string, AppErrorShape>();

  /** `limitBytes`: what all uploads together may stage in the temporary folder (a setting). */
  constructor(
    private readonly index?: SessionHosts,
    private readonly limitBytes: () => number = () => DEFAULT_UPLOAD_LIMIT,
  ) {}

  get size(): number {
    return this.uploads.size;
  }

  async start(
    hostId: string,
    docker: Docker,
    containerId: string,
    dir: string,
    files: PendingFile[],
    ctx: Signal,
  ) {
    await this.checkRoom(files.reduce((n, f) => n + f.size, 0));
    const p = normalizeDir(dir);
    const stat = await statPath(docker, containerId, p, ctx);
    if (!stat.isDirectory) {
      throw new AppError({ code: 'INVALID_INPUT', message: `${p} is not a folder: files go into a folder.` });
    }
    const uploadId = randomBytes(16).toString('hex');
    const staging = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-upload-'));
    this.uploads.set(
      uploadId,
      new Upload(docker, containerId, p, files, staging, () => this.abort(uploadId)),
    );
    const unbind = this.index?.bind(uploadId, {
      hostId,
      access: 'browse',
      end: (reason) => this.end(uploadId, reason),
    });
    if (unbind) this.unbinds.set(uploadId, unbind);
    return { uploadId };
  }

  /**
   * Refuses, before anything is staged, an upload that would pass the limit together with those
   * in progress, or that the temporary folder has no room for: the announced size is the
   * client's word, so it is judged here and enforced chunk by chunk.
   */
  private async checkRoom(total: number) {
    const limit = this.limitBytes();
    const staged = [...this.uploads.values()].reduce((n, u) => n + u.total, 0);
    if (total + staged > limit) {
      const others = staged > 0 ? ` with the ${formatBytes(staged)} of uploads in progress` : '';
      throw new AppError({
        code: 'INVALID_INPUT',
        message:
          `This upload is ${formatBytes(total)}${others}; Berthmaster stages at most ${formatBytes(limit)} ` +
          'at once (Settings, "Upload limit"). Upload fewer files at a time or raise the limit.',
      });
    }
    const dir = os.tmpdir();
    const fsStats = await fs.statfs(dir).catch(() => undefined);
    const free = fsStats ? fsStats.bavail * fsStats.bsize : Number.POSITIVE_INFINITY;
    if (total > free) {
      throw new AppError({
        code: 'INVALID_INPUT',
        message: `This upload is ${formatBytes(total)} but the temporary folder ${dir} has ${formatBytes(free)} free.`,
      });
    }
  }

  private get(uploadId: string): Upload {
    const u = this.uploads.get(uploadId);
    const reason = this.endedReasons.get(uploadId);
    if (!u && reason) throw new AppError(reason);
    if (!u)
      throw new AppError({
        code: 'NOT_FOUND',
        message: 'This upload is over (finished, cancelled or idle).',
      });
    return u;
  }

  async chunk(uploadId: string, bytes: Uint8Array): Promise<void> {
    const u = this.get(uploadId);
    try {
      await u.chunk(bytes);
    } catch (e) {
      this.abort(uploadId);
      throw e;
    }
  }

  async finish(uploadId: string): Promise<void> {
    const u = this.get(uploadId);
    try {
      await u.finish();
    } finally {
      this.abort(uploadId);
    }
  }

  abort(uploadId: string): void {
    void this.uploads.get(uploadId)?.dispose();
    this.uploads.delete(uploadId);
    this.unbinds.get(uploadId)?.();
    this.unbinds.delete(uploadId);
  }

  /** Ends an upload for a reason its sender is told on its next chunk (a stricter policy). */
  private end(uploadId: string, reason: AppErrorShape): void {
    if (!this.uploads.has(uploadId)) return;
    this.abort(uploadId);
    this.endedReasons.set(uploadId, reason);
    // Bounded: only the last few reasons are worth keeping.
    for (const id of this.endedReasons.keys()) {
      if (this.endedReasons.size <= 64) break;
      this.endedReasons.delete(id);
    }
  }

  dispose(): void {
    for (const id of [...this.uploads.keys()]) this.abort(id);
  }
}
